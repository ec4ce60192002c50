package com.ramparts.detection.compile;

import com.ramparts.detection.modifier.Networks;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A binary trie over address bits, IPv4 and IPv6 apart: walking an address visits every network
 * that contains it, whatever the prefix lengths.
 */
final class NetworkTrie {

    private static final int V4 = 0;
    private static final int V6 = 1;

    private final int[] zero;
    private final int[] one;
    private final int[][] rules;

    private NetworkTrie(int[] zero, int[] one, int[][] rules) {
        this.zero = zero;
        this.one = one;
        this.rules = rules;
    }

    static NetworkTrie build(Map<Need.Network, int[]> networks) {
        List<int[]> children = new ArrayList<>(List.of(new int[] {-1, -1}, new int[] {-1, -1}));
        List<int[]> filed = new ArrayList<>(List.of(new int[0], new int[0]));
        networks.forEach((network, ids) -> {
            int node = network.v6() ? V6 : V4;
            for (char bit : network.bits().toCharArray()) {
                int b = bit - '0';
                if (children.get(node)[b] < 0) {
                    children.get(node)[b] = children.size();
                    children.add(new int[] {-1, -1});
                    filed.add(new int[0]);
                }
                node = children.get(node)[b];
            }
            int[] before = filed.get(node);
            int[] after = java.util.Arrays.copyOf(before, before.length + ids.length);
            System.arraycopy(ids, 0, after, before.length, ids.length);
            filed.set(node, after);
        });
        int size = children.size();
        int[] zero = new int[size];
        int[] one = new int[size];
        int[][] rules = new int[size][];
        for (int i = 0; i < size; i++) {
            zero[i] = children.get(i)[0];
            one[i] = children.get(i)[1];
            rules[i] = filed.get(i);
        }
        return new NetworkTrie(zero, one, rules);
    }

    /** Offers the rules of every network that contains the address the text spells, if it spells one. */
    void collect(String text, Candidates out) {
        byte[] address = Networks.address(text);
        if (address == null) {
            return;
        }
        int node = address.length == 16 ? V6 : V4;
        out.offer(rules[node]);
        for (int i = 0; i < address.length * 8 && node >= 0; i++) {
            node = (address[i >>> 3] >> (7 - (i & 7)) & 1) == 0 ? zero[node] : one[node];
            if (node >= 0) {
                out.offer(rules[node]);
            }
        }
    }
}
