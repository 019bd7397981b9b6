/** Bookings (demos, barista sessions): free slots from opening hours in settings, confirmations, reschedules, cancels. */
package io.throughline.booking;
