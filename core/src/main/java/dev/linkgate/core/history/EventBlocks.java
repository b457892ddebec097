package dev.linkgate.core.history;

import java.util.Arrays;

/**
 * Room for the links with more events than a slot holds inline: fixed-size blocks of ints in chunks, with a
 * free list, so moving a busy link here and freeing its block again allocates nothing once the chunks exist.
 * Chunks are kept once made (the memory of the most busy links held at once): dropping and remaking them would
 * be the garbage this storage exists to avoid. Not thread-safe: its table's monitor guards it.
 */
final class EventBlocks {
    /** Ints in a chunk at most: 128 KiB, an ordinary object for G1 rather than a humongous one. */
    private static final int CHUNK_INTS = 1 << 15;

    private final int width;
    private final int perChunk;
    private int[][] chunks = new int[4][];
    private int[] free = new int[16];
    private int freeCount;
    private int next;

    /** Blocks of {@code width} ints. */
    EventBlocks(int width) {
        this.width = width;
        this.perChunk = Math.max(1, CHUNK_INTS / width);
    }

    int allocate() {
        if (freeCount > 0) {
            return free[--freeCount];
        }
        int block = next++;
        int c = block / perChunk;
        if (c == chunks.length) {
            chunks = Arrays.copyOf(chunks, c * 2);
        }
        if (chunks[c] == null) {
            chunks[c] = new int[perChunk * width];
        }
        return block;
    }

    void release(int block) {
        if (freeCount == free.length) {
            free = Arrays.copyOf(free, freeCount * 2);
        }
        free[freeCount++] = block;
    }

    /** The chunk that holds the block. */
    int[] chunk(int block) {
        return chunks[block / perChunk];
    }

    /** Where the block starts in its {@link #chunk}. */
    int offset(int block) {
        return (block % perChunk) * width;
    }

    /** Blocks holding a link's events now. */
    int inUse() {
        return next - freeCount;
    }
}
