package dev.kbtool.cli;

import picocli.AutoComplete;
import picocli.CommandLine;

/**
 * The shell completion script, made by picocli's {@link AutoComplete} from the same command
 * model as --help, so every command and option is in it. bash reads it as is; zsh through its
 * bash compatibility (the script loads bashcompinit itself). Document names (DOC of remove,
 * recompile, show) are completed by a shell function that lists the summaries of the knowledge
 * base the command line points at (--kb, else KB_DIR, else the nearest parent with .kb/): no
 * JVM starts on Tab.
 */
final class CompletionScript {
    /** Lists the documents of the knowledge base the words being completed point at. */
    private static final String DOCUMENT_FUNCTION = """

            # Document names for DOC arguments: the summaries of the knowledge base the command line
            # points at (--kb DIR, else $KB_DIR, else the nearest parent folder holding .kb/).
            function _kb_document_names() {
              local dir="" i
              for (( i=1; i < ${#COMP_WORDS[@]}; i++ )); do
                if [[ "${COMP_WORDS[i]}" == "--kb" ]]; then dir="${COMP_WORDS[i+1]}"; fi
                if [[ "${COMP_WORDS[i]}" == --kb=* ]]; then dir="${COMP_WORDS[i]#--kb=}"; fi
              done
              dir="${dir/#\\~/$HOME}"
              if [[ -z "$dir" ]]; then dir="${KB_DIR:-}"; fi
              if [[ -z "$dir" ]]; then
                dir="$PWD"
                while [[ -n "$dir" && ! -d "$dir/.kb" ]]; do dir="${dir%/*}"; done
              fi
              [[ -d "$dir/wiki/summaries" ]] || return 0
              local f
              for f in "$dir"/wiki/summaries/*.md; do
                [[ -e "$f" ]] || continue
                f="${f##*/}"
                printf '%s\\n' "${f%.md}"
              done
            }
            """;

    private CompletionScript() {
    }

    /** The script for bash and zsh, for the command named {@code kb}. */
    static String generate() {
        CommandLine cl = DistributionFiles.model();
        String script = AutoComplete.bash("kb", cl);
        String withNames = script.replace("'" + DocumentNames.PLACEHOLDER + "'", "$(_kb_document_names)")
                .replace("\"" + DocumentNames.PLACEHOLDER + "\"", "$(_kb_document_names)")
                .replace(DocumentNames.PLACEHOLDER, "$(_kb_document_names)");
        int complete = withNames.lastIndexOf("\ncomplete ");
        return withNames.substring(0, complete) + DOCUMENT_FUNCTION + withNames.substring(complete);
    }
}
