/**
 * Data protection for the customer record: export of everything held about a customer, and erasure of it. It lives in
 * the customer module because the customer is the data subject and every other module depends on this one, never the
 * other way: modules that keep data per customer (conversations, bookings, article views) implement
 * {@link io.throughline.customer.privacy.PersonalData}, as they implement {@code MergeParticipant} for merges, and the
 * journey removes the engine's copy on {@link io.throughline.customer.privacy.CustomerErased} and the conversation
 * module's {@code ConversationsErased}.
 */
package io.throughline.customer.privacy;
