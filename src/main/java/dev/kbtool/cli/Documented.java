package dev.kbtool.cli;

import picocli.CommandLine.Model.CommandSpec;

/**
 * A command whose help is made from data, not annotations (kb config lists every setting):
 * {@link KbCli} calls it once the model is built, so --help, completion and the man page all
 * see the same text.
 */
interface Documented {
    void document(CommandSpec spec);
}
