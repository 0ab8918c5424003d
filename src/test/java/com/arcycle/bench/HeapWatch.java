package com.arcycle.bench;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

import com.sun.management.GarbageCollectionNotificationInfo;

/**
 * The heap while something runs: the peak used (sampled every 20 ms, garbage included, so it
 * mostly shows how far the collector lets the heap fill) and the peak live after a collection
 * (what the program really holds).
 */
final class HeapWatch {

    private final AtomicLong peakUsed = new AtomicLong();
    private final AtomicLong peakLive = new AtomicLong();
    /** (epoch milliseconds, live bytes after the collection) of every collection. */
    private final List<long[]> collections = java.util.Collections.synchronizedList(new ArrayList<>());
    private final List<Runnable> undo = new ArrayList<>();
    private volatile boolean running = true;

    static HeapWatch start() {
        HeapWatch watch = new HeapWatch();
        Thread sampler = new Thread(() -> {
            while (watch.running) {
                watch.peakUsed.accumulateAndGet(
                        ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(), Math::max);
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "heap-watch");
        sampler.setDaemon(true);
        sampler.start();
        for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
            NotificationListener listener = (notification, handback) -> {
                if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
                    GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo
                            .from((CompositeData) notification.getUserData());
                    long live = 0;
                    for (var pool : info.getGcInfo().getMemoryUsageAfterGc().entrySet()) {
                        if (!pool.getKey().contains("Metaspace") && !pool.getKey().contains("Code")
                                && !pool.getKey().contains("Compressed")) {
                            MemoryUsage usage = pool.getValue();
                            live += usage.getUsed();
                        }
                    }
                    watch.peakLive.accumulateAndGet(live, Math::max);
                    watch.collections.add(new long[] {System.currentTimeMillis(), live});
                }
            };
            ((NotificationEmitter) collector).addNotificationListener(listener, null, null);
            watch.undo.add(() -> {
                try {
                    ((NotificationEmitter) collector).removeNotificationListener(listener);
                } catch (Exception e) {
                    // already gone
                }
            });
        }
        return watch;
    }

    void stop() {
        running = false;
        undo.forEach(Runnable::run);
    }

    long peakUsed() {
        return peakUsed.get();
    }

    /** The largest live heap after a collection between two instants (epoch milliseconds), or 0. */
    long peakLive(long from, long to) {
        long peak = 0;
        synchronized (collections) {
            for (long[] collection : collections) {
                if (collection[0] >= from && collection[0] <= to) {
                    peak = Math.max(peak, collection[1]);
                }
            }
        }
        return peak;
    }

    long peakLive() {
        return peakLive.get();
    }
}
