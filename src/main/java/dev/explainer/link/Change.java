package dev.explainer.link;

import java.time.LocalDate;

/** A dated change an entry records about itself, as listed on an Updates page and in a feed. */
public record Change(LocalDate date, String text, Entry entry) {
}
