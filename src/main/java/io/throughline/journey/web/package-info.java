/** The journeys' HTTP API: starting a journey for a customer. */
package io.throughline.journey.web;
