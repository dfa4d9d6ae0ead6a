package dev.kbtool.cli;

import dev.kbtool.catalog.KbVersion;
import picocli.CommandLine;

/** Reports the version Maven stamped into the jar. */
final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        return new String[] {
            "kb " + KbVersion.release(),
            "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ")"
        };
    }
}
