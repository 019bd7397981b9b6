package io.throughline.journey;

import io.throughline.booking.BookingChange;
import io.throughline.booking.SlotChoice;
import io.throughline.conversation.CaseDetails;
import io.throughline.conversation.CaseDetailsSettings;
import io.throughline.conversation.Checklists;
import io.throughline.conversation.Lead;
import io.throughline.conversation.Rating;
import io.throughline.conversation.Replies;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.test.mock.Mocks;

/**
 * Stand-ins for the journey's Spring beans, registered under the names the BPMN's {@code ${delegateExpression}}s use.
 * Each writes the variables its real counterpart writes, with values the test scripted, and records what it was asked
 * to do. Where the real step only applies a parser of the domain (yes or no, a slot choice, a rating, case details),
 * the stand-in applies the same parser to the text the test scripted the customer to write. The real delegates are
 * tested end to end elsewhere; these let a process test walk every path of the BPMN.
 */
final class ScriptedSteps {

    record ScriptedDecision(String action, String queue, int priority, String reasons) {}

    record Said(String phrase, String channel, Map<String, Object> variables) {}

    record Breach(String queue, int priority, String due) {}

    /** The first slot the scripted availability offers; then one a day, at 10:00 UTC. */
    static final Instant FIRST_SLOT = Instant.parse("2026-03-03T10:00:00Z");

    private final Deque<ScriptedDecision> decisions = new ArrayDeque<>();
    private final Deque<Boolean> unread = new ArrayDeque<>();
    private final Deque<Boolean> resolved = new ArrayDeque<>();
    private final Deque<Boolean> closes = new ArrayDeque<>();
    private final Deque<String> customerMessages = new ArrayDeque<>();
    private final Deque<String> intents = new ArrayDeque<>();
    private double intentScore = 0.9;
    private int sendFailuresLeft;
    private boolean answerFound = true;
    private final Set<Instant> takenSlots = new TreeSet<>();
    private final Set<Integer> checklistDone = new TreeSet<>();
    private Map<String, String> extraDecisionVariables = Map.of();

    /** Reply message ids in the order they went out. */
    final List<String> sent = new ArrayList<>();
    /** Everything the customer wrote that a step read, in order (the first question included when scripted). */
    final List<String> read = new ArrayList<>();
    /** The {@code resolution} each call to resolveConversation was given, and whether it kept it open for a rating. */
    final List<String> resolutions = new ArrayList<>();
    final List<Boolean> awaitedRating = new ArrayList<>();
    /** The conversation ids the wake-up woke. */
    final List<String> woken = new ArrayList<>();
    /** The phrases {@code say} recorded, in order. */
    final List<Said> said = new ArrayList<>();
    final List<String> followUps = new ArrayList<>();
    final List<Breach> breaches = new ArrayList<>();
    final List<String> ratings = new ArrayList<>();
    final List<String> closed = new ArrayList<>();
    final List<String> leads = new ArrayList<>();
    /** Bookings by id: the slot, CONFIRMED or CANCELLED. */
    final Map<String, String> bookings = new LinkedHashMap<>();
    final Map<String, String> bookingSlots = new LinkedHashMap<>();
    final List<String> remindersScheduled = new ArrayList<>();
    final List<String> remindersSent = new ArrayList<>();
    String upcomingBooking;

    /** The next Decide returns this; Decide with nothing scripted fails the job, so an unexpected pass shows. */
    ScriptedSteps decide(String action, String queue, int priority, String reasons) {
        decisions.add(new ScriptedDecision(action, queue, priority, reasons));
        return this;
    }

    /** Variables the next decisions also set (as the rules' Decide may: switchTo, nextOpening, dueDate). */
    ScriptedSteps decisionsAlsoSet(Map<String, String> variables) {
        extraDecisionVariables = variables;
        return this;
    }

    /** The next checks for new messages answer these, then "nothing unread". */
    ScriptedSteps unreadAtNextChecks(Boolean... answers) {
        unread.addAll(List.of(answers));
        return this;
    }

    /** The next resolutions answer these, then "resolved". */
    ScriptedSteps resolvedAtNextResolutions(Boolean... answers) {
        resolved.addAll(List.of(answers));
        return this;
    }

    /** The next closes answer these, then "closed". */
    ScriptedSteps closedAtNextCloses(Boolean... answers) {
        closes.addAll(List.of(answers));
        return this;
    }

    /** The next {@code times} sends fail, as a channel that is down would. */
    ScriptedSteps sendsFail(int times) {
        sendFailuresLeft = times;
        return this;
    }

    /** What the next reads of the customer's messages return, in order; then "Where is my order?". */
    ScriptedSteps customerSays(String... texts) {
        customerMessages.addAll(List.of(texts));
        return this;
    }

    /** The intents the next classifications return; then order-status (general support answers those itself). */
    ScriptedSteps classifies(String... intentsInOrder) {
        intents.addAll(List.of(intentsInOrder));
        return this;
    }

    /** How sure the classifier is of every intent from now on (0.9 unless said). */
    ScriptedSteps intentScore(double score) {
        intentScore = score;
        return this;
    }

    /** Whether the knowledge base has an answer (or steps) from now on. */
    ScriptedSteps knowledgeAnswers(boolean found) {
        answerFound = found;
        return this;
    }

    /** The slot is booked by someone else by the time the customer picks it. */
    ScriptedSteps slotTaken(Instant slot) {
        takenSlots.add(slot);
        return this;
    }

    ScriptedSteps bookedAlready(Instant slot) {
        upcomingBooking = "booking-" + (bookings.size() + 1);
        bookings.put(upcomingBooking, "CONFIRMED");
        bookingSlots.put(upcomingBooking, slot.toString());
        return this;
    }

    List<String> phrases() {
        return said.stream().map(Said::phrase).toList();
    }

    void register() {
        delegate("readCustomerMessages", execution -> {
            String text = customerMessages.isEmpty() ? "Where is my order?" : customerMessages.poll();
            read.add(text);
            execution.setVariable(GeneralSupport.Var.QUESTION, text);
            execution.removeVariable(GeneralSupport.Var.OUTCOME);
            execution.removeVariable(Journey.Var.FOLLOWED_UP);
        });
        delegate("classifyIntent", execution -> {
            execution.setVariable(GeneralSupport.Var.INTENT, intents.isEmpty() ? "order-status" : intents.poll());
            execution.setVariable(GeneralSupport.Var.INTENT_SCORE, intentScore);
            execution.setVariable(GeneralSupport.Var.OUT_OF_SCOPE, false);
        });
        delegate("findAnswer", execution -> {
            execution.setVariable(GeneralSupport.Var.ANSWER_TEXT, answerFound ? "Orders ship within two days." : null);
            execution.setVariable(GeneralSupport.Var.ANSWER_CONFIDENCE, answerFound ? 0.8 : 0.1);
        });
        delegate("decide", execution -> {
            ScriptedDecision decision = decisions.poll();
            if (decision == null) {
                throw new AssertionError("Decide ran, but the test scripted no decision");
            }
            execution.setVariable(GeneralSupport.Var.ACTION, decision.action());
            execution.setVariable(GeneralSupport.Var.QUEUE, decision.queue());
            execution.setVariable(GeneralSupport.Var.PRIORITY, decision.priority());
            execution.setVariable(GeneralSupport.Var.REASONS, decision.reasons());
            extraDecisionVariables.forEach(execution::setVariable);
        });
        delegate("composeAnswer", recordsReply("bot-answer"));
        delegate("askForDetails", recordsReply("bot-asks-for-details"));
        delegate("announceHandoff", recordsReply("handoff-notice"));
        delegate("recordAgentReply", recordsReply("agent-reply"));
        delegate("guideSteps", recordsReply("guided-steps"));
        delegate("sendReply", execution -> {
            if (sendFailuresLeft > 0) {
                sendFailuresLeft--;
                throw new IllegalStateException("channel down");
            }
            sent.add((String) execution.getVariable(GeneralSupport.Var.REPLY_MESSAGE_ID));
        });
        delegate("checkForNewMessages", execution -> execution.setVariable(GeneralSupport.Var.HAS_UNREAD,
                unread.isEmpty() ? false : unread.poll()));
        delegate("resolveConversation", execution -> {
            resolutions.add((String) execution.getVariable(GeneralSupport.Var.RESOLUTION));
            awaitedRating.add(Boolean.TRUE.equals(execution.getVariable(Journey.Var.AWAIT_RATING)));
            execution.setVariable(GeneralSupport.Var.RESOLVED, resolved.isEmpty() ? true : resolved.poll());
        });
        Mocks.register("prepareHandoffTask", (TaskListener) task -> {
            task.setVariableLocal("customer", "Ada (ada@example.com)");
            task.getExecution().setVariable(GeneralSupport.Var.REPLY, "");
            task.getExecution().setVariable(GeneralSupport.Var.NOTE, "");
            task.getExecution().setVariable(GeneralSupport.Var.OUTCOME, "reply");
        });
        // The real rule: it needs nothing from Spring, and a copy here could drift from it.
        Mocks.register("rememberWhoAnswers", new RememberWhoAnswers());
        delegate("wakeJourney", execution -> {
            // what WakeJourney does once it holds the conversation
            String conversationId = (String) execution.getVariable(GeneralSupport.Var.CONVERSATION_ID);
            woken.add(conversationId);
            execution.getProcessEngineServices().getRuntimeService().createMessageCorrelation(GeneralSupport.CUSTOMER_WROTE)
                    .processInstanceBusinessKey(conversationId).correlateAll();
        });
        registerEndings();
        registerJourneys();
        registerBooking();
    }

    private void registerEndings() {
        delegate("say", execution -> {
            String phrase = (String) execution.getVariable(Journey.Var.PHRASE);
            said.add(new Said(phrase, (String) execution.getVariable(Journey.Var.CHANNEL), execution.getVariables()));
            execution.setVariable(GeneralSupport.Var.REPLY_MESSAGE_ID, "say:" + phrase);
        });
        delegate("followUp", execution -> {
            followUps.add((String) execution.getVariable(GeneralSupport.Var.CONVERSATION_ID));
            execution.setVariable(GeneralSupport.Var.REPLY_MESSAGE_ID, "follow-up");
            execution.setVariable(Journey.Var.FOLLOWED_UP, true);
        });
        delegate("handoffDueDate", execution -> {
            Object rules = execution.getVariable(Journey.Var.RULES_DUE_DATE);
            Instant due = rules != null ? Instant.parse(rules.toString())
                    : ClockUtil.getCurrentTime().toInstant().plus(Duration.ofHours(8));
            execution.setVariable(Journey.Var.TASK_DUE_DATE, due.toString());
        });
        delegate("escalateBreach", execution -> {
            breaches.add(new Breach((String) execution.getVariable(GeneralSupport.Var.QUEUE),
                    (Integer) execution.getVariable(GeneralSupport.Var.PRIORITY),
                    (String) execution.getVariable(Journey.Var.TASK_DUE_DATE)));
            TaskService tasks = execution.getProcessEngineServices().getTaskService();
            tasks.createTaskQuery().processInstanceId(execution.getProcessInstanceId())
                    .taskDefinitionKey(GeneralSupport.USER_TASK).list().forEach(task -> {
                        tasks.setPriority(task.getId(), Math.min(100, task.getPriority() + 20));
                        tasks.addCandidateGroup(task.getId(), "supervisors");
                    });
        });
        delegate("switchChannel", execution -> {
            execution.setVariable(Journey.Var.SWITCHED_MESSAGE_ID, "answer-on-" + execution.getVariable(Journey.Var.SWITCH_TO));
            execution.setVariable(GeneralSupport.Var.REPLY_MESSAGE_ID, "note-where-the-answer-went");
        });
        delegate("rateConversation", execution -> {
            String text = (String) execution.getVariable(GeneralSupport.Var.QUESTION);
            var rating = Rating.parse(text);
            ratings.add(rating.map(r -> "CSAT " + r.score() + (r.comment().isEmpty() ? "" : " " + r.comment()))
                    .orElse("REOPENED"));
            execution.setVariable(Journey.Var.RATED, rating.isPresent());
            execution.setVariable(Journey.Var.CSAT_SCORE, rating.map(Rating::score).orElse(null));
        });
        delegate("closeConversation", execution -> {
            closed.add((String) execution.getVariable(GeneralSupport.Var.CONVERSATION_ID));
            execution.setVariable(GeneralSupport.Var.RESOLVED, closes.isEmpty() ? true : closes.poll());
        });
    }

    private void registerJourneys() {
        delegate("judgeReply", execution -> execution.setVariable(Journey.Var.REPLY_MEANS,
                Replies.meaning((String) execution.getVariable(GeneralSupport.Var.QUESTION)).key()));
        delegate("qualifyLead", execution -> {
            Lead lead = Lead.from((String) execution.getVariable(GeneralSupport.Var.QUESTION));
            execution.setVariable(Journey.Var.TEAM_SIZE, lead.teamSize());
            execution.setVariable(Journey.Var.USE_CASE, lead.useCase());
            execution.setVariable(Journey.Var.QUALIFIED, lead.qualified());
            execution.setVariable(Journey.Var.SALES_LEAD, lead.teamSize() != null && lead.teamSize() >= 10);
        });
        delegate("captureLead", execution -> {
            String details = "{\"teamSize\":" + execution.getVariable(Journey.Var.TEAM_SIZE) + ",\"useCase\":\""
                    + execution.getVariable(Journey.Var.USE_CASE) + "\"}";
            leads.add(details);
            execution.setVariable(Journey.Var.DETAILS, details);
        });
        CaseDetails caseDetails = new CaseDetails(new CaseDetailsSettings(List.of("Dual Boiler", "Compact", "grinder")), null);
        delegate("gatherDetails", execution -> {
            Map<String, String> known = new HashMap<>();
            Object details = execution.getVariable(Journey.Var.DETAILS);
            if (details != null) {
                for (String pair : details.toString().replaceAll("[{}\"]", "").split(",")) {
                    if (pair.contains(":")) {
                        known.put(pair.substring(0, pair.indexOf(':')), pair.substring(pair.indexOf(':') + 1));
                    }
                }
            }
            String askedFor = (String) execution.getVariable(Journey.Var.ASKED_FOR);
            var gathered = caseDetails.gather(known, List.copyOf(read), askedFor,
                    (String) execution.getVariable(GeneralSupport.Var.QUESTION));
            String next = gathered.nextToAsk();
            execution.setVariable(Journey.Var.DETAILS, gathered.details().entrySet().stream()
                    .map(e -> "\"" + e.getKey() + "\":\"" + e.getValue() + "\"").collect(Collectors.joining(",", "{", "}")));
            execution.setVariable(Journey.Var.MISSING_DETAILS, String.join(",", gathered.missing()));
            execution.setVariable(Journey.Var.ASKED_FOR, next);
            execution.setVariable(Journey.Var.DETAILS_QUESTION,
                    next == null ? null : "ask" + Character.toUpperCase(next.charAt(0)) + next.substring(1));
            Object asked = execution.getVariable(Journey.Var.DETAILS_ASKED);
            execution.setVariable(Journey.Var.DETAILS_ASKED, (asked == null ? 0 : (Integer) asked) + (askedFor == null ? 0 : 1));
        });
        delegate("recordChecklist", execution -> {
            Set<Integer> reported = Checklists.itemsIn((String) execution.getVariable(GeneralSupport.Var.QUESTION), 3);
            checklistDone.addAll(reported);
            execution.setVariable(Journey.Var.CHECKLIST_DONE, checklistDone.size() >= 3);
            execution.setVariable(Journey.Var.CHECKLIST_PROGRESS, !reported.isEmpty() && checklistDone.size() < 3);
            execution.setVariable(Journey.Var.ITEMS_DONE, checklistDone.size());
            execution.setVariable(Journey.Var.ITEMS_TOTAL, 3);
        });
    }

    private void registerBooking() {
        delegate("findBooking", execution -> {
            execution.setVariable(Journey.Var.BOOKING_ID, upcomingBooking);
            execution.setVariable(Journey.Var.SLOT, upcomingBooking == null ? null : bookingSlots.get(upcomingBooking));
            Object kind = execution.getVariable(Journey.Var.BOOKING_KIND);
            execution.setVariable(Journey.Var.KIND, kind == null ? "session" : kind);
        });
        delegate("judgeBookingChange", execution -> execution.setVariable(Journey.Var.REPLY_MEANS,
                BookingChange.of((String) execution.getVariable(GeneralSupport.Var.QUESTION)).key()));
        delegate("cancelBooking", execution -> {
            bookings.put((String) execution.getVariable(Journey.Var.BOOKING_ID), "CANCELLED");
            upcomingBooking = null;
            execution.setVariable(GeneralSupport.Var.REPLY_MESSAGE_ID, "booking-cancelled");
        });
        delegate("offerSlots", execution -> {
            List<String> before = offered(execution);
            boolean more = "more".equals(execution.getVariable(Journey.Var.SLOT_CHOICE)) && !before.isEmpty();
            Instant first = more ? Instant.parse(before.get(before.size() - 1)).plus(Duration.ofDays(1)) : FIRST_SLOT;
            List<String> slots = List.of(first.toString(), first.plus(Duration.ofDays(1)).toString(),
                    first.plus(Duration.ofDays(2)).toString());
            execution.setVariable(Journey.Var.OFFERED_SLOTS, String.join(",", slots));
            boolean again = Boolean.FALSE.equals(execution.getVariable(Journey.Var.BOOKED));
            said.add(new Said(again ? "offerSlotsAgain" : "offerSlots", null, execution.getVariables()));
            execution.removeVariable(Journey.Var.BOOKED);
            execution.removeVariable(Journey.Var.SLOT_CHOICE);
            execution.setVariable(GeneralSupport.Var.REPLY_MESSAGE_ID, "slots-offered");
        });
        delegate("pickSlot", execution -> {
            List<String> slots = offered(execution);
            SlotChoice choice = SlotChoice.of((String) execution.getVariable(GeneralSupport.Var.QUESTION), slots);
            execution.setVariable(Journey.Var.SLOT_CHOICE, choice.kind().key());
            execution.setVariable(Journey.Var.CHOSEN_SLOT, choice.index() < 0 ? null : slots.get(choice.index()));
        });
        delegate("confirmBooking", execution -> {
            Instant slot = Instant.parse((String) execution.getVariable(Journey.Var.CHOSEN_SLOT));
            if (takenSlots.remove(slot)) {
                execution.setVariable(Journey.Var.BOOKED, false);
                return;
            }
            Object replacing = execution.getVariable(Journey.Var.BOOKING_ID);
            if (replacing != null) {
                bookings.put(replacing.toString(), "CANCELLED");
            }
            String id = "booking-" + (bookings.size() + 1);
            bookings.put(id, "CONFIRMED");
            bookingSlots.put(id, slot.toString());
            upcomingBooking = id;
            Instant remindAt = slot.minus(Duration.ofHours(24));
            execution.setVariable(Journey.Var.BOOKED, true);
            execution.setVariable(Journey.Var.BOOKING_ID, id);
            execution.setVariable(Journey.Var.SLOT, slot.toString());
            execution.setVariable(Journey.Var.REMIND_AT,
                    remindAt.isAfter(ClockUtil.getCurrentTime().toInstant()) ? remindAt.toString() : null);
            execution.setVariable(GeneralSupport.Var.REPLY_MESSAGE_ID, "booking-confirmed");
        });
        delegate("scheduleReminder", execution -> {
            String bookingId = (String) execution.getVariable(Journey.Var.BOOKING_ID);
            remindersScheduled.add(bookingId);
            execution.getProcessEngineServices().getRuntimeService().startProcessInstanceByKey(Journey.BOOKING_REMINDER,
                    bookingId, Map.of(Journey.Var.BOOKING_ID, bookingId,
                            GeneralSupport.Var.CONVERSATION_ID, execution.getVariable(GeneralSupport.Var.CONVERSATION_ID),
                            Journey.Var.REMIND_AT, execution.getVariable(Journey.Var.REMIND_AT)));
        });
        delegate("remindOfBooking", execution -> {
            String bookingId = (String) execution.getVariable(Journey.Var.BOOKING_ID);
            boolean stillBooked = "CONFIRMED".equals(bookings.get(bookingId));
            execution.setVariable(Journey.Var.REMINDED, stillBooked);
            if (stillBooked) {
                remindersSent.add(bookingId);
                execution.setVariable(GeneralSupport.Var.REPLY_MESSAGE_ID, "reminder-" + bookingId);
            }
        });
    }

    private static List<String> offered(DelegateExecution execution) {
        Object offered = execution.getVariable(Journey.Var.OFFERED_SLOTS);
        return offered == null || offered.toString().isEmpty() ? List.of() : List.of(offered.toString().split(","));
    }

    static String newId() {
        return UUID.randomUUID().toString();
    }

    private static JavaDelegate recordsReply(String replyMessageId) {
        return execution -> execution.setVariable(GeneralSupport.Var.REPLY_MESSAGE_ID, replyMessageId);
    }

    private static void delegate(String name, JavaDelegate delegate) {
        Mocks.register(name, delegate);
    }
}
