package com.ramparts.detection.compile;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Aho-Corasick over folded text: one pass over a value finds every literal of every rule that
 * occurs in it, however many rules there are. Anchored literals (prefixes, suffixes) are checked
 * by position, case-sensitive ones against the text as written.
 */
final class LiteralAutomaton {

    /** A literal ending at a state, and the rules filed under it. */
    private record Hit(int length, Need.Anchor anchor, String cased, int[] rules) {
    }

    private final int[] rootAscii;
    private final char[][] labels;
    private final int[][] targets;
    private final int[] fail;
    private final int[] output;
    private final Hit[][] hits;

    private LiteralAutomaton(int[] rootAscii, char[][] labels, int[][] targets, int[] fail, int[] output, Hit[][] hits) {
        this.rootAscii = rootAscii;
        this.labels = labels;
        this.targets = targets;
        this.fail = fail;
        this.output = output;
        this.hits = hits;
    }

    static LiteralAutomaton build(Map<Need.Literal, int[]> literals) {
        List<TreeMap<Character, Integer>> trie = new ArrayList<>();
        List<List<Hit>> found = new ArrayList<>();
        trie.add(new TreeMap<>());
        found.add(new ArrayList<>());
        literals.forEach((literal, ids) -> {
            int node = 0;
            for (char c : literal.folded().toCharArray()) {
                Integer next = trie.get(node).get(c);
                if (next == null) {
                    next = trie.size();
                    trie.get(node).put(c, next);
                    trie.add(new TreeMap<>());
                    found.add(new ArrayList<>());
                }
                node = next;
            }
            found.get(node).add(new Hit(literal.folded().length(), literal.anchor(), literal.cased(), ids));
        });
        int size = trie.size();
        char[][] labels = new char[size][];
        int[][] targets = new int[size][];
        Hit[][] hits = new Hit[size][];
        for (int i = 0; i < size; i++) {
            TreeMap<Character, Integer> edges = trie.get(i);
            labels[i] = new char[edges.size()];
            targets[i] = new int[edges.size()];
            int k = 0;
            for (Map.Entry<Character, Integer> edge : edges.entrySet()) {
                labels[i][k] = edge.getKey();
                targets[i][k++] = edge.getValue();
            }
            hits[i] = found.get(i).isEmpty() ? null : found.get(i).toArray(Hit[]::new);
        }
        int[] rootAscii = new int[128];
        Arrays.fill(rootAscii, -1);
        for (int k = 0; k < labels[0].length; k++) {
            if (labels[0][k] < 128) {
                rootAscii[labels[0][k]] = targets[0][k];
            }
        }
        LiteralAutomaton automaton = new LiteralAutomaton(rootAscii, labels, targets, new int[size], new int[size], hits);
        automaton.link();
        return automaton;
    }

    /** Failure links breadth first, and output links to the nearest shorter suffix that is a literal. */
    private void link() {
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        for (int child : targets[0]) {
            queue.add(child);
        }
        while (!queue.isEmpty()) {
            int node = queue.poll();
            for (int k = 0; k < labels[node].length; k++) {
                int child = targets[node][k];
                int f = fail[node];
                int next;
                while ((next = transition(f, labels[node][k])) < 0 && f != 0) {
                    f = fail[f];
                }
                fail[child] = Math.max(next, 0);
                output[child] = hits[fail[child]] != null ? fail[child] : output[fail[child]];
                queue.add(child);
            }
        }
    }

    private int transition(int state, char c) {
        if (state == 0 && c < 128) {
            return rootAscii[c];
        }
        char[] edges = labels[state];
        if (edges.length <= 8) {
            for (int k = 0; k < edges.length; k++) {
                if (edges[k] == c) {
                    return targets[state][k];
                }
            }
            return -1;
        }
        int k = Arrays.binarySearch(edges, c);
        return k >= 0 ? targets[state][k] : -1;
    }

    private int step(int state, char c) {
        while (true) {
            int next = transition(state, c);
            if (next >= 0) {
                return next;
            }
            if (state == 0) {
                return 0;
            }
            state = fail[state];
        }
    }

    /** Offers the rules of every literal found in the text, folded as {@link Fold#fold(String)} does. */
    void collect(String text, Candidates out) {
        int n = text.length();
        int state = 0;
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(text.charAt(i + 1))) {
                int folded = Fold.fold(Character.toCodePoint(c, text.charAt(i + 1)));
                state = step(state, Character.highSurrogate(folded));
                state = step(state, Character.lowSurrogate(folded));
                i++;
            } else {
                state = step(state, Fold.fold(c));
            }
            if (hits[state] != null || output[state] != 0) {
                report(state, text, i + 1, out);
            }
        }
    }

    private void report(int state, String text, int end, Candidates out) {
        for (int s = hits[state] != null ? state : output[state]; s != 0; s = output[s]) {
            for (Hit hit : hits[s]) {
                int start = end - hit.length;
                if ((hit.anchor == Need.Anchor.START && start != 0)
                        || (hit.anchor == Need.Anchor.END && end != text.length())
                        || (hit.cased != null && !text.regionMatches(start, hit.cased, 0, hit.length))) {
                    continue;
                }
                out.offer(hit.rules);
            }
        }
    }
}
