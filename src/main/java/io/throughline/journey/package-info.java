/**
 * Camunda glue: deploys processes/ and forms/ (at start-up and on a change, only when valid), the validate command,
 * starts and wakes journeys, and thin delegates that call domain services.
 */
package io.throughline.journey;
