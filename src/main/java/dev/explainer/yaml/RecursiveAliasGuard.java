package dev.explainer.yaml;

import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.CollectionEndEvent;
import org.yaml.snakeyaml.events.CollectionStartEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.NodeEvent;
import org.yaml.snakeyaml.parser.Parser;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * SnakeYAML's parser, stopped at an alias that refers to a list or mapping it stands inside
 * ({@code title: &t [a, *t]}). SnakeYAML composes such a node into a cycle, which plain data
 * cannot be; its own option against recursion covers only keys. The alias is found here, as the
 * composer asks for it, so that it can be reported at its own position.
 */
final class RecursiveAliasGuard implements Parser {
    /** Thrown at the first recursive alias; carries where the alias and its anchor stand. */
    static final class RecursiveAlias extends YAMLException {
        private final String anchor;
        private final Mark alias;
        private final Mark anchored;

        RecursiveAlias(String anchor, Mark alias, Mark anchored) {
            super("recursive alias *" + anchor);
            this.anchor = anchor;
            this.alias = alias;
            this.anchored = anchored;
        }

        String anchor() {
            return anchor;
        }

        Mark alias() {
            return alias;
        }

        Mark anchored() {
            return anchored;
        }
    }

    /** A list or mapping that the events have opened; closed once its end event has passed. */
    private static final class Collection {
        final Mark start;
        boolean closed;

        Collection(Mark start) {
            this.start = start;
        }
    }

    private static final Collection SCALAR = new Collection(null);
    static {
        SCALAR.closed = true;
    }

    private final Parser parser;
    private final Deque<Collection> open = new ArrayDeque<>();
    /** Each anchor's latest node: an anchor may be given again, and an alias names the latest. */
    private final Map<String, Collection> anchors = new HashMap<>();

    RecursiveAliasGuard(Parser parser) {
        this.parser = parser;
    }

    @Override
    public boolean checkEvent(Event.ID choice) {
        return parser.checkEvent(choice);
    }

    @Override
    public Event peekEvent() {
        return parser.peekEvent();
    }

    @Override
    public Event getEvent() {
        Event event = parser.getEvent();
        if (event instanceof AliasEvent alias) {
            Collection target = anchors.get(alias.getAnchor());
            if (target != null && !target.closed) {
                throw new RecursiveAlias(alias.getAnchor(), alias.getStartMark(), target.start);
            }
        } else if (event instanceof CollectionStartEvent start) {
            Collection collection = new Collection(start.getStartMark());
            open.push(collection);
            if (start.getAnchor() != null) {
                anchors.put(start.getAnchor(), collection);
            }
        } else if (event instanceof CollectionEndEvent) {
            open.pop().closed = true;
        } else if (event instanceof NodeEvent node && node.getAnchor() != null) {
            anchors.put(node.getAnchor(), SCALAR);
        }
        return event;
    }
}
