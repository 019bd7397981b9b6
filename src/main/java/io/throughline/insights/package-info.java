/** What the journeys achieve: KPIs, self-service, content gaps. Reads the other modules' tables; changes nothing. */
package io.throughline.insights;
