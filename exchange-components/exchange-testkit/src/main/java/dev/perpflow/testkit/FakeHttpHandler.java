package dev.perpflow.testkit;

/** A fake venue's REST API: answers every HTTP request the server receives (unknown paths included). */
@FunctionalInterface
public interface FakeHttpHandler {

    FakeResponse handle(FakeRequest request);
}
