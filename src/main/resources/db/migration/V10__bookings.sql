-- Booked sessions (demos, barista sessions). A slot has as many seats as throughline.booking.capacity; a booking takes
-- a seat by inserting (starts_at, seat) only if absent, so a race for the last seat has one winner. A cancelled booking
-- sets its seat to null (several nulls never collide) and so gives it back.
create table bookings (
    id              uuid primary key,
    customer_id     uuid not null references customers (id),
    conversation_id uuid not null references conversations (id),
    kind            varchar(64) not null,
    starts_at       timestamp with time zone not null,
    seat            integer,
    status          varchar(16) not null,      -- CONFIRMED, CANCELLED
    created_at      timestamp with time zone not null,
    cancelled_at    timestamp with time zone,
    constraint bookings_seat unique (starts_at, seat)
);
create index bookings_customer on bookings (customer_id, status, starts_at);
