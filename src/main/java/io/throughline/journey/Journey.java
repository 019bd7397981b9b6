package io.throughline.journey;

/**
 * What the journeys in {@code processes/} share: the keys general support routes to, the outcome a called journey hands
 * back ({@code journeyOutcome}), and the variables their steps read and write. General support's own are in
 * {@link GeneralSupport.Var}.
 */
public final class Journey {

    public static final String PRE_SALES = "pre-sales";
    public static final String ONBOARDING = "onboarding";
    public static final String TROUBLESHOOTING = "troubleshooting";
    public static final String BOOKING = "booking";
    public static final String RENEWAL_REMINDER = "renewal-reminder";
    /** Not journeys but parts of them: the wait every journey calls, and the rating after a resolution. */
    public static final String WAIT_FOR_CUSTOMER = "wait-for-customer";
    public static final String CSAT = "csat";
    /** One per confirmed booking, business key the booking id. */
    public static final String BOOKING_REMINDER = "booking-reminder";
    /** The message general support starts on when the business (the API) starts a journey for a customer. */
    public static final String JOURNEY_REQUESTED = "JourneyRequested";

    private Journey() {
    }

    /** What a called journey tells general support when it ends ({@code journeyOutcome}). */
    public static final class Outcome {
        /** The customer's latest message ({@code question}, read already) is for general support: classify and route it. */
        public static final String HAND_BACK = "hand-back";
        /** A person takes over: queue, priority and reasons are set (the rules decided), details too where gathered. */
        public static final String ESCALATE = "escalate";
        /** The journey reached its goal: {@code resolution} says which. */
        public static final String RESOLVE = "resolve";
        /** The customer stopped answering. */
        public static final String QUIET = "quiet";

        private Outcome() {
        }
    }

    /** Process variable names. */
    public static final class Var {
        public static final String JOURNEY_OUTCOME = "journeyOutcome";
        public static final String CUSTOMER_WROTE = "customerWrote";
        public static final String WAIT_FOR = "waitFor";
        public static final String FOLLOW_UP_AFTER = "followUpAfter";
        public static final String FOLLOWED_UP = "followedUp";
        public static final String CSAT_TIMEOUT = "csatTimeout";
        public static final String CHECKLIST_AFTER = "checklistAfter";
        public static final String NUDGE_AFTER = "nudgeAfter";
        /** Inputs of the {@code say} step: the phrase's name in voice.yml, and {@code preferred} to use that channel. */
        public static final String PHRASE = "phrase";
        public static final String CHANNEL = "channel";
        public static final String REPLY_MEANS = "replyMeans";
        public static final String AWAIT_RATING = "awaitRating";
        public static final String RATED = "rated";
        public static final String CSAT_SCORE = "csatScore";
        public static final String RATING_OUTCOME = "ratingOutcome";
        /** The handoff: the task's due date (ISO-8601), and what the rules may set. */
        public static final String TASK_DUE_DATE = "taskDueDate";
        public static final String RULES_DUE_DATE = "dueDate";
        public static final String NEXT_OPENING = "nextOpening";
        public static final String SWITCH_TO = "switchTo";
        public static final String SWITCHED_MESSAGE_ID = "switchedMessageId";
        /** Troubleshooting: the details gathered, a JSON object the agent's form shows. */
        public static final String DETAILS = "details";
        public static final String MISSING_DETAILS = "missingDetails";
        public static final String ASKED_FOR = "askedFor";
        public static final String DETAILS_QUESTION = "detailsQuestion";
        public static final String DETAILS_ASKED = "detailsAsked";
        public static final String TEAM_SIZE = "teamSize";
        public static final String USE_CASE = "useCase";
        public static final String QUALIFIED = "qualified";
        public static final String SALES_LEAD = "salesLead";
        public static final String BOOKING_KIND = "bookingKind";
        public static final String BOOKING_ID = "bookingId";
        public static final String BOOKED_SLOT = "bookedSlot";
        public static final String SLOT = "slot";
        public static final String KIND = "kind";
        public static final String OFFERED_SLOTS = "offeredSlots";
        public static final String SLOT_CHOICE = "slotChoice";
        public static final String CHOSEN_SLOT = "chosenSlot";
        public static final String BOOKED = "booked";
        public static final String REMIND_AT = "remindAt";
        public static final String REMINDED = "reminded";
        public static final String CHECKLIST_DONE = "checklistDone";
        public static final String CHECKLIST_PROGRESS = "checklistProgress";
        public static final String ITEMS_DONE = "done";
        public static final String ITEMS_TOTAL = "total";

        private Var() {
        }
    }
}
