package com.ramparts.detection.compile;

import com.ramparts.detection.modifier.Networks;
import java.util.Arrays;
import java.util.Map;
import java.util.function.IntConsumer;

/**
 * A binary trie over address bits, IPv4 and IPv6 apart: walking an address visits every network
 * that contains it, whatever the prefix lengths. Each network carries int ids (rule ordinals for the
 * rule index, indicator ordinals for the IOC matcher). Nodes live in flat int arrays, so a trie of a
 * few hundred thousand networks is a handful of arrays, not millions of objects. Immutable once built.
 */
public final class NetworkTrie {

    private static final int V4 = 0;
    private static final int V6 = 1;
    private static final int[] NONE = new int[0];

    private final int[] zero;
    private final int[] one;
    private final int[][] ids;

    private NetworkTrie(int[] zero, int[] one, int[][] ids) {
        this.zero = zero;
        this.one = one;
        this.ids = ids;
    }

    public static Builder builder() {
        return new Builder();
    }

    static NetworkTrie build(Map<Need.Network, int[]> networks) {
        Builder builder = new Builder();
        networks.forEach((network, ids) -> {
            int node = builder.descend(network.v6() ? V6 : V4, network.bits().length(),
                    i -> network.bits().charAt(i) - '0');
            builder.file(node, ids);
        });
        return builder.build();
    }

    /** Calls {@code action} with the ids of every network that contains the address (4 or 16 bytes), shortest prefix first. */
    public void visit(byte[] address, IntConsumer action) {
        int node = address.length == 16 ? V6 : V4;
        offer(ids[node], action);
        for (int i = 0; i < address.length * 8; i++) {
            node = (address[i >>> 3] >> (7 - (i & 7)) & 1) == 0 ? zero[node] : one[node];
            if (node < 0) {
                return;
            }
            offer(ids[node], action);
        }
    }

    private static void offer(int[] filed, IntConsumer action) {
        for (int id : filed) {
            action.accept(id);
        }
    }

    /** Offers the rules of every network that contains the address the text spells, if it spells one. */
    void collect(String text, Candidates out) {
        byte[] address = Networks.address(text);
        if (address != null) {
            visit(address, out::offer);
        }
    }

    /** Collects networks; not thread-safe. */
    public static final class Builder {

        private int[] zero = new int[64];
        private int[] one = new int[64];
        private int[][] ids = new int[64][];
        private int size;

        private Builder() {
            node(); // the IPv4 root
            node(); // the IPv6 root
        }

        /** Files {@code id} under the network {@code address/prefix} (address of 4 or 16 bytes, prefix within it). */
        public Builder add(byte[] address, int prefix, int id) {
            if ((address.length != 4 && address.length != 16) || prefix < 0 || prefix > address.length * 8) {
                throw new IllegalArgumentException("not a network: " + address.length + " bytes, prefix " + prefix);
            }
            int node = descend(address.length == 16 ? V6 : V4, prefix, i -> address[i >>> 3] >> (7 - (i & 7)) & 1);
            file(node, new int[] {id});
            return this;
        }

        public NetworkTrie build() {
            int[][] filed = Arrays.copyOf(ids, size);
            for (int i = 0; i < size; i++) {
                if (filed[i] == null) {
                    filed[i] = NONE;
                }
            }
            return new NetworkTrie(Arrays.copyOf(zero, size), Arrays.copyOf(one, size), filed);
        }

        private interface Bit {
            int at(int index);
        }

        private int descend(int root, int length, Bit bit) {
            int node = root;
            for (int i = 0; i < length; i++) {
                int[] children = bit.at(i) == 0 ? zero : one;
                if (children[node] < 0) {
                    int child = node();
                    (bit.at(i) == 0 ? zero : one)[node] = child; // node() may have grown the arrays
                }
                node = (bit.at(i) == 0 ? zero : one)[node];
            }
            return node;
        }

        private void file(int node, int[] more) {
            int[] before = ids[node] == null ? NONE : ids[node];
            int[] after = Arrays.copyOf(before, before.length + more.length);
            System.arraycopy(more, 0, after, before.length, more.length);
            ids[node] = after;
        }

        private int node() {
            if (size == zero.length) {
                int grown = size * 2;
                zero = Arrays.copyOf(zero, grown);
                one = Arrays.copyOf(one, grown);
                ids = Arrays.copyOf(ids, grown);
            }
            zero[size] = -1;
            one[size] = -1;
            return size++;
        }
    }
}
