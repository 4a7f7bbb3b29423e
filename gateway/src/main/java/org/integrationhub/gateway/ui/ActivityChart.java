package org.integrationhub.gateway.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Sync activity as a bar chart drawn on the server (SVG rectangles, no script, no inline style):
 * one bar per day, its height the day's runs, the succeeded part green and the failed part red.
 */
final class ActivityChart {

    static final int WIDTH = 560;
    static final int HEIGHT = 120;
    private static final int LABELS = 16;

    /** One day's bar: the day, its numbers, and rectangles in the chart's coordinates. */
    record Bar(String day, String label, long runs, long succeeded, long failed, long itemsSeen,
            int x, int width, int okY, int okHeight, int failedY, int failedHeight, int otherY, int otherHeight) {
    }

    private ActivityChart() {
    }

    static List<Bar> bars(List<?> days) {
        long most = 1;
        for (Object day : days) {
            most = Math.max(most, number(day, "runs"));
        }
        int slot = days.isEmpty() ? WIDTH : WIDTH / days.size();
        int drawable = HEIGHT - LABELS;
        List<Bar> bars = new ArrayList<>();
        for (int i = 0; i < days.size(); i++) {
            Object day = days.get(i);
            long runs = number(day, "runs");
            long succeeded = number(day, "succeeded");
            long failed = number(day, "failed");
            int okHeight = (int) Math.round(drawable * (double) succeeded / most);
            int failedHeight = (int) Math.round(drawable * (double) failed / most);
            int otherHeight = Math.max(0, (int) Math.round(drawable * (double) runs / most) - okHeight - failedHeight);
            int bottom = drawable;
            String text = String.valueOf(((Map<?, ?>) day).get("day"));
            bars.add(new Bar(text, text.length() >= 10 ? text.substring(8, 10) : text, runs, succeeded, failed, number(day, "itemsSeen"),
                    i * slot + 4, Math.max(1, slot - 8), bottom - okHeight, okHeight, bottom - okHeight - failedHeight, failedHeight,
                    bottom - okHeight - failedHeight - otherHeight, otherHeight));
        }
        return bars;
    }

    private static long number(Object day, String field) {
        return ((Map<?, ?>) day).get(field) instanceof Number n ? n.longValue() : 0;
    }
}
