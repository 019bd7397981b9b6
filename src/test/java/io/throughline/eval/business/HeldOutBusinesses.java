package io.throughline.eval.business;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.throughline.answer.CalibrationSettings;
import io.throughline.answer.LogisticFit;
import io.throughline.eval.LabelledQuestion;
import io.throughline.knowledge.Embeddings;

/**
 * Leave-one-business-out evaluation of the bot's first reply: every labelled business in turn is the held-out one, its
 * figures computed with global settings chosen on the others only, while its own confidence calibration sees nothing but
 * its own unlabelled content. Beside each, the bare all-MiniLM-L6-v2 cosine search with one threshold (chosen the same
 * way, on the other businesses). A plain {@code main}: {@code eval/businesses.sh} (or {@code --final} for the businesses
 * kept for one last measurement in {@code eval/final/}).
 */
public final class HeldOutBusinesses {

    private HeldOutBusinesses() {
    }

    public static void main(String[] args) {
        if (System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", "io/throughline/eval/logback.xml");
        }
        Path project = Path.of(".");
        boolean finalRun = List.of(args).contains("--final");
        List<Business> labelled = Business.labelled(project);
        List<Business> heldOut = finalRun ? Business.finalOnes(project) : labelled;
        Embeddings embeddings = new Embeddings();
        List<BusinessRun> tuning = new ArrayList<>();
        for (Business business : labelled) {
            tuning.add(BusinessRun.open(business, embeddings, project.resolve("rules")));
        }
        List<BusinessRun> measured = finalRun ? new ArrayList<>() : tuning;
        if (finalRun) {
            for (Business business : heldOut) {
                measured.add(BusinessRun.open(business, embeddings, project.resolve("rules")));
            }
        }
        System.out.printf("%nThe calibration's global correction, fitted on the other businesses' labelled questions:%n");
        for (BusinessRun run : measured) {
            double[] correction = correction(tuning.stream().filter(other -> other != run).toList());
            System.out.printf("  %-10s scale %.3f, shift %.3f%n", run.business().name(), correction[1], correction[0]);
            run.reply(CalibrationSettings.defaults().withCorrection(correction[1], correction[0]));
        }
        double[] all = correction(tuning);
        System.out.printf("  on all labelled businesses (the shipped default): scale %.3f, shift %.3f%n", all[1], all[0]);
        System.out.printf("%nFirst replies per held-out business (shares of the answerable questions, \"wrong/all\" of all "
                + "questions, \"refused\" of the off-topic ones)%n");
        Scorecard.header(System.out);
        for (Scorecard scorecard : scorecards(measured, tuning)) {
            scorecard.print(System.out);
        }
        System.out.printf("%nRetrieval alone: the answerable questions whose top passage is from the expected source%n");
        for (BusinessRun run : measured) {
            long answerable = run.business().questions().stream().filter(LabelledQuestion::inScope).count();
            long top = run.observations().stream().filter(BusinessRun.Observation::right).count();
            long bareTop = 0;
            for (int i = 0; i < run.bare().size(); i++) {
                LabelledQuestion question = run.business().questions().get(i);
                bareTop += question.inScope() && question.expectedSource().equals(run.bare().get(i).source()) ? 1 : 0;
            }
            System.out.printf("  %-10s hybrid %d of %d (%.2f), bare cosine %d (%.2f)%n", run.business().name(), top,
                    answerable, (double) top / answerable, bareTop, (double) bareTop / answerable);
        }
        for (BusinessRun run : measured) {
            System.out.printf("%s: %.1f ms per question (classify, answer, decide)%n", run.business().name(),
                    run.msPerQuestion());
        }
    }

    /** Each measured business's figures, the bare search's threshold chosen on the other tuning businesses. */
    static List<Scorecard> scorecards(List<BusinessRun> measured, List<BusinessRun> tuning) {
        List<Scorecard> scorecards = new ArrayList<>();
        for (BusinessRun run : measured) {
            List<BusinessRun> others = tuning.stream().filter(other -> other != run).toList();
            scorecards.add(new Scorecard(run.business().name(), run.replies(), run.bare(), bareThreshold(others)));
        }
        return scorecards;
    }

    /**
     * Every labelled business held out in turn: its answerer calibrated on its own content with the correction fitted on
     * the others' labelled questions. The runs are left open for more questions; close them.
     */
    static List<BusinessRun> leaveOneOut(Path project, Embeddings embeddings) {
        List<BusinessRun> runs = new ArrayList<>();
        for (Business business : Business.labelled(project)) {
            runs.add(BusinessRun.open(business, embeddings, project.resolve("rules")));
        }
        for (BusinessRun run : runs) {
            double[] correction = correction(runs.stream().filter(other -> other != run).toList());
            run.reply(CalibrationSettings.defaults().withCorrection(correction[1], correction[0]));
        }
        return runs;
    }

    /**
     * The scale and shift (shift first) that map the self-calibrated log-odds to the chance that answering is right, on
     * these businesses' labelled questions, each business counting the same.
     */
    static double[] correction(List<BusinessRun> runs) {
        List<LogisticFit.Example> examples = new ArrayList<>();
        for (BusinessRun run : runs) {
            for (BusinessRun.Observation observation : run.observations()) {
                examples.add(new LogisticFit.Example(new double[] {observation.selfLogit()}, observation.right() ? 1 : 0,
                        1.0 / run.observations().size()));
            }
        }
        return LogisticFit.fit(examples, 0, new double[] {0, 1});
    }

    /** The one cosine threshold that gets most questions of these businesses right (answered from the right source or refused). */
    static double bareThreshold(List<BusinessRun> runs) {
        double best = 0;
        long bestRight = -1;
        for (int step = 0; step <= 100; step++) {
            double threshold = step / 100.0;
            long right = 0;
            for (BusinessRun run : runs) {
                for (int i = 0; i < run.replies().size(); i++) {
                    LabelledQuestion question = run.replies().get(i).question();
                    BareCosineSearch.Hit hit = run.bare().get(i);
                    boolean answers = hit.cosine() >= threshold;
                    right += question.inScope() ? (answers && question.expectedSource().equals(hit.source()) ? 1 : 0)
                            : (answers ? 0 : 1);
                }
            }
            if (right > bestRight) {
                bestRight = right;
                best = threshold;
            }
        }
        return best;
    }
}
