package org.madoguchi.assistant;

import java.util.ArrayList;
import java.util.List;

/**
 * The bar chart of questions per day, laid out on the server as SVG coordinates so that the page needs no
 * script: one stacked bar per day (answered, unsure, unanswered, small talk). The table next to it carries the
 * same figures for screen readers and keyboard users; the chart is a picture of it.
 */
record DailyChart(int width, int height, long max, List<Bar> bars) {

	static final int WIDTH = 720;

	static final int HEIGHT = 160;

	/** One coloured part of a day's bar. */
	record Segment(double y, double height, String fill) {
	}

	record Bar(double x, double width, List<Segment> segments) {
	}

	/** Colours with at least 3:1 contrast on white (WCAG 1.4.11), in the legend's order. */
	static final List<String> FILLS = List.of("#0031d8", "#9d5f00", "#ce0000", "#626264");

	static final List<AssistantAnalytics.Outcome> ORDER = List.of(AssistantAnalytics.Outcome.ANSWERED,
			AssistantAnalytics.Outcome.UNSURE, AssistantAnalytics.Outcome.UNANSWERED, AssistantAnalytics.Outcome.SMALLTALK);

	/** The legend's colours, for the template. */
	public List<String> fills() {
		return FILLS;
	}

	static DailyChart of(List<AssistantAnalytics.Day> days) {
		long max = Math.max(1, days.stream().mapToLong(AssistantAnalytics.Day::questions).max().orElse(0));
		double slot = (double) WIDTH / Math.max(1, days.size());
		double barWidth = Math.max(1, slot * 0.8);
		List<Bar> bars = new ArrayList<>(days.size());
		for (int i = 0; i < days.size(); i++) {
			AssistantAnalytics.Day d = days.get(i);
			List<Segment> segments = new ArrayList<>();
			double top = HEIGHT;
			for (int k = 0; k < ORDER.size(); k++) {
				long n = d.count(ORDER.get(k));
				if (n > 0) {
					double h = (double) n / max * HEIGHT;
					top -= h;
					segments.add(new Segment(round(top), round(h), FILLS.get(k)));
				}
			}
			bars.add(new Bar(round(i * slot + (slot - barWidth) / 2), round(barWidth), segments));
		}
		return new DailyChart(WIDTH, HEIGHT, max, bars);
	}

	private static double round(double v) {
		return Math.round(v * 100) / 100.0;
	}
}
