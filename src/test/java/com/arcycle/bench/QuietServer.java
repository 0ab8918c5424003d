package com.arcycle.bench;

import java.util.Locale;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Lets MariaDB write out the pages a load left changed in memory before anything is timed. Right
 * after loading a million rows the server still has tens of thousands of changed pages and a nearly
 * full redo log; whatever is timed next pays for writing them (the SQL baseline took 12.7 to 19.5 s
 * in two runs of the same code an hour apart). The baseline and the cycle each start from a server
 * with nothing left to write.
 */
final class QuietServer {

    /** Changed pages left at most; a few are always being written by the server's own housekeeping. */
    private static final long QUIET_PAGES = 200;
    private static final long GIVE_UP_MILLIS = 180_000;

    private QuietServer() {
    }

    /** Waits until the server has written its changed pages; prints how many and how long. */
    static void await(JdbcTemplate jdbc, String before) throws InterruptedException {
        double maxDirty = jdbc.queryForObject("SELECT @@GLOBAL.innodb_max_dirty_pages_pct", Double.class);
        long ioCapacity = jdbc.queryForObject("SELECT @@GLOBAL.innodb_io_capacity", Long.class);
        long start = System.nanoTime();
        long first = dirtyPages(jdbc);
        long dirty = first;
        try {
            // The page cleaner writes everything when no changed page is allowed, at up to io_capacity_max.
            jdbc.execute("SET GLOBAL innodb_max_dirty_pages_pct = 0");
            jdbc.execute("SET GLOBAL innodb_io_capacity = @@GLOBAL.innodb_io_capacity_max");
            while (dirty > QUIET_PAGES && (System.nanoTime() - start) / 1_000_000 < GIVE_UP_MILLIS) {
                Thread.sleep(250);
                dirty = dirtyPages(jdbc);
            }
        } finally {
            jdbc.execute("SET GLOBAL innodb_io_capacity = " + ioCapacity);
            jdbc.execute("SET GLOBAL innodb_max_dirty_pages_pct = " + maxDirty);
        }
        System.out.printf(Locale.ROOT, "server quiet before %s: %,d changed pages written in %.1f s (%,d left)%n",
                before, first - dirty, (System.nanoTime() - start) / 1e9, dirty);
    }

    private static long dirtyPages(JdbcTemplate jdbc) {
        return jdbc.queryForObject("SELECT VARIABLE_VALUE FROM information_schema.GLOBAL_STATUS"
                + " WHERE VARIABLE_NAME = 'INNODB_BUFFER_POOL_PAGES_DIRTY'", Long.class);
    }
}
