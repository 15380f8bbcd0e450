package io.hussh.camel;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.Manifest;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The jar is an OSGi bundle, so it installs in Karaf; the jar plugin packages this manifest. */
class BundleManifestTest {

    @Test
    void theManifestDeclaresTheBundleItsExportsAndJSchAsAnImport() throws Exception {
        Manifest manifest;
        try (InputStream in = Files.newInputStream(Path.of("target/classes/META-INF/MANIFEST.MF"))) {
            manifest = new Manifest(in);
        }
        Attributes headers = manifest.getMainAttributes();

        assertThat(headers.getValue("Bundle-ManifestVersion")).isEqualTo("2");
        assertThat(headers.getValue("Bundle-SymbolicName")).isEqualTo("io.hussh.camel-hussh-component");
        assertThat(headers.getValue("Bundle-Version")).startsWith("0.1.0");
        assertThat(headers.getValue("Export-Package")).contains("io.hussh.camel;").contains("io.hussh.sftp;");
        assertThat(headers.getValue("Import-Package")).contains("com.jcraft.jsch;version=\"[2.27,3)\"")
                .contains("org.apache.camel");
    }
}
