package io.hussh.sftp;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RemotePathsTest {

    @Test
    void namesResolveBelowTheDirectory() {
        assertThat(RemotePaths.resolve("/srv/in", "a.txt")).isEqualTo("/srv/in/a.txt");
        assertThat(RemotePaths.resolve("/srv/in/", "sub/./b.txt")).isEqualTo("/srv/in/sub/b.txt");
        assertThat(RemotePaths.resolve("/", "c.txt")).isEqualTo("/c.txt");
        assertThat(RemotePaths.resolve("/srv", "..data")).isEqualTo("/srv/..data");
    }

    @ParameterizedTest
    @ValueSource(strings = { "../etc/passwd", "a/../../b", "sub/..", "..", "a\\..\\b", "..\\x" })
    void namesThatLeaveTheDirectoryAreRefused(String name) {
        assertThatThrownBy(() -> RemotePaths.resolve("/srv/in", name))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'..'");
    }

    @ParameterizedTest
    @ValueSource(strings = { "/etc/passwd", "\\share\\x" })
    void absoluteNamesAreRefused(String name) {
        assertThatThrownBy(() -> RemotePaths.resolve("/srv/in", name))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("absolute");
    }

    @Test
    void emptyNamesAreRefused() {
        assertThatThrownBy(() -> RemotePaths.resolve("/srv", " ")).hasMessageContaining("empty");
        assertThatThrownBy(() -> RemotePaths.resolve("/srv", "./")).hasMessageContaining("names no file");
    }

    @Test
    void aRelativeDirectoryIsRefused() {
        assertThatThrownBy(() -> RemotePaths.directory("srv")).hasMessageContaining("absolute");
    }

    @Test
    void globCharactersAndBackslashesAreEscapedForJsch() {
        assertThat(RemotePaths.escapeForJsch("/a*b?c\\d")).isEqualTo("/a\\*b\\?c\\\\d");
    }
}
