package dev.perpflow.component.backpack;

/** Ed25519 key pairs for tests (base64, as Backpack shows them); public keys derived with Python cryptography. */
final class BackpackTestKeys {

    /** RFC 8032 §7.1 TEST 1. */
    static final String SECRET = BackpackSignerTest.SECRET;
    static final String PUBLIC_KEY = BackpackSignerTest.PUBLIC_KEY;

    /** Seed 0x01..0x20. */
    static final String OTHER_SECRET = "AQIDBAUGBwgJCgsMDQ4PEBESExQVFhcYGRobHB0eHyA=";
    static final String OTHER_PUBLIC_KEY = "ebVWLo/mVPlAeLES6KmLp5AfhTrmlb7X4OORC60ElmQ=";

    private BackpackTestKeys() {
    }
}
