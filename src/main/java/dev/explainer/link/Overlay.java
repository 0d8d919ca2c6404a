package dev.explainer.link;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * A map with the same keys as another and a few of its values replaced, made without copying the
 * other: the link stage's quick run replaces a few entries of a 10,000-entry site, and copying
 * its maps each time cost more than the rest of the run. Immutable; an overlay of an overlay
 * keeps one level, and past {@link #MOST_REPLACED} replaced values it is a plain copy again.
 */
final class Overlay<K, V> extends AbstractMap<K, V> {
    private static final int MOST_REPLACED = 256;

    private final Map<K, V> base;
    private final Map<K, V> replaced;

    private Overlay(Map<K, V> base, Map<K, V> replaced) {
        this.base = base;
        this.replaced = replaced;
    }

    /**
     * {@code map} with the values of {@code replaced} in place of its own.
     *
     * @param replaced values for keys {@code map} has: it gains no key
     */
    static <K, V> Map<K, V> of(Map<K, V> map, Map<K, V> replaced) {
        if (replaced.isEmpty()) {
            return map;
        }
        Map<K, V> base = map;
        Map<K, V> all = new HashMap<>(replaced.size() * 2);
        if (map instanceof Overlay<K, V> overlay) {
            base = overlay.base;
            all.putAll(overlay.replaced);
        }
        all.putAll(replaced);
        if (all.size() <= MOST_REPLACED) {
            return new Overlay<>(base, all);
        }
        Map<K, V> copy = new HashMap<>(base);
        copy.putAll(all);
        return Collections.unmodifiableMap(copy);
    }

    @Override
    public V get(Object key) {
        V value = replaced.get(key);
        return value != null ? value : base.get(key);
    }

    @Override
    public boolean containsKey(Object key) {
        return base.containsKey(key);
    }

    @Override
    public int size() {
        return base.size();
    }

    @Override
    public Set<K> keySet() {
        return Collections.unmodifiableSet(base.keySet());
    }

    @Override
    public Set<Entry<K, V>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Entry<K, V>> iterator() {
                Iterator<K> keys = base.keySet().iterator();
                return new Iterator<>() {
                    @Override
                    public boolean hasNext() {
                        return keys.hasNext();
                    }

                    @Override
                    public Entry<K, V> next() {
                        K key = keys.next();
                        return new SimpleImmutableEntry<>(key, get(key));
                    }
                };
            }

            @Override
            public int size() {
                return base.size();
            }
        };
    }
}
