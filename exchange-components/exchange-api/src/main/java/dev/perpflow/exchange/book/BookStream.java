package dev.perpflow.exchange.book;

/** One market's book stream of a venue: started once, publishing to its listener until closed. */
public interface BookStream {

    void start();

    void close();
}
