package io.throughline.answer;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the confidence is calibrated on the loaded knowledge ({@link ConfidenceCalibrator}).
 *
 * @param scale       the self-fitted curve's logit is multiplied by this, then {@code shift} is added: the questions the
 *                    content implies (its own headings) are easier than customers' questions, and this maps the one
 *                    to the other. Chosen on labelled businesses other than the one it is used on, never per business:
 *                    see {@code eval/businesses.sh}
 * @param shift       see {@code scale}
 * @param minSections a knowledge base with fewer section headings than this is too small to calibrate on; it gets the
 *                    shipped prior curve (and the log says so)
 * @param maxSections the most headings asked (picked evenly over the sources), so ingesting 10,000 chunks does not
 *                    calibrate for minutes
 */
@ConfigurationProperties("throughline.answer.calibration")
public record CalibrationSettings(
        @DefaultValue("0.68") double scale,
        @DefaultValue("2.00") double shift,
        @DefaultValue("8") int minSections,
        @DefaultValue("300") int maxSections) {

    public static CalibrationSettings defaults() {
        return new CalibrationSettings(0.68, 2.00, 8, 300);
    }

    public CalibrationSettings withCorrection(double scale, double shift) {
        return new CalibrationSettings(scale, shift, minSections, maxSections);
    }
}
