package dev.perpflow.app.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ChatTextTest {

    @Test
    void escapesMarkdownsSpecialCharactersInValues() {
        assertThat(ChatText.escape("1000_BONK *hot* [x] `code`")).isEqualTo("1000\\_BONK \\*hot\\* \\[x] \\`code\\`");
        assertThat(ChatText.escape(null)).isEqualTo("null");
    }

    @Test
    void longRepliesSplitUnderTheLimitAtLineBoundaries() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 500; i++) {
            text.append("line ").append(i).append(" of a long position list\n");
        }

        List<String> parts = ChatText.split(text.toString(), ChatText.LIMIT);

        assertThat(parts).hasSizeGreaterThan(1).allSatisfy(part -> assertThat(part.length())
                .isLessThanOrEqualTo(ChatText.LIMIT));
        assertThat(String.join("\n", parts).stripTrailing()).isEqualTo(text.toString().stripTrailing());
        assertThat(parts.get(1)).startsWith("line ");
    }

    @Test
    void aSingleHugeLineIsCutWithoutSeparatingAnEscapeFromItsCharacter() {
        String line = "a".repeat(9) + "\\_" + "b".repeat(20);

        List<String> parts = ChatText.split(line, 10);

        assertThat(parts).allSatisfy(part -> assertThat(part.length()).isLessThanOrEqualTo(10));
        assertThat(parts.get(0)).doesNotEndWith("\\");
        assertThat(String.join("", parts)).isEqualTo(line);
    }
}
