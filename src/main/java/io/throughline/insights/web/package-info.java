/** The insights API under /api/insights (login). */
package io.throughline.insights.web;
