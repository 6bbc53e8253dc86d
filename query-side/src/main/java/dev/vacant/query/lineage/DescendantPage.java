package dev.vacant.query.lineage;

import java.util.List;

/** One page of descendants, and the cursor of the next one ({@code null} when this page is not full). */
public record DescendantPage(List<LineageLink> items, DescendantCursor next) {

    public DescendantPage {
        items = List.copyOf(items);
    }
}
