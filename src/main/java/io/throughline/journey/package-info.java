/** Camunda glue: deploys processes/ and forms/, starts and wakes journeys, and thin delegates that call domain services. */
package io.throughline.journey;
