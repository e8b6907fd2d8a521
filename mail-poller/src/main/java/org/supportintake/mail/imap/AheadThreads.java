package org.supportintake.mail.imap;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** The thread that fetches a mailbox's message bodies and the one that keeps and reads them; daemons. */
record AheadThreads(ExecutorService fetching, ExecutorService reading) {

    static AheadThreads of(String label) {
        return new AheadThreads(thread("mail-fetch " + label), thread("mail-read " + label));
    }

    void shutdownNow() {
        fetching.shutdownNow();
        reading.shutdownNow();
    }

    private static ExecutorService thread(String name) {
        return Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(task, name);
            thread.setDaemon(true);
            return thread;
        });
    }
}
