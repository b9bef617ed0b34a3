package dev.perpflow.app.telegram;

import java.util.List;
import java.util.Map;

/** A set of chat commands with the buttons and wizard steps they own. */
interface CommandGroup {

    /** Command names (without {@code /}) with their help line; the order is the help's order. */
    Map<String, String> commands();

    void command(Chat chat, String name, String args) throws Exception;

    /** Handles a button press whose data starts with one of this group's actions; false when not this group's. */
    boolean callback(Chat chat, String action, List<String> args) throws Exception;

    /** Handles the next text of a wizard this group started; false when not this group's. */
    boolean wizard(Chat chat, WizardStore.Wizard wizard, String text) throws Exception;
}
