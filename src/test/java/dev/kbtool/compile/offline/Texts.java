package dev.kbtool.compile.offline;

import dev.kbtool.compile.CompileInput;
import java.util.List;

/** Fixed documents the offline compiler tests read. */
public final class Texts {
    public static final String NEURAL_NETWORKS = """
            ---
            title: "Neural networks"
            ---

            # Neural networks

            A neural network is a computational model inspired by the structure of biological brains.
            It consists of layers of artificial neurons that transform an input signal into an output.
            Each artificial neuron computes a weighted sum of its inputs and applies a nonlinear activation function.

            ## Training

            Neural networks are trained with gradient descent, which adjusts every weight to reduce a loss function.
            The gradient of the loss function is computed efficiently by backpropagation.
            Training a deep neural network requires large labelled datasets and considerable computing power.
            Overfitting occurs when a neural network memorises its training data instead of learning general patterns.

            ## Architectures

            Convolutional neural networks (CNNs) share weights across an image and dominate computer vision.
            A convolutional neural network applies small filters that detect edges, textures and shapes.
            Recurrent neural networks process sequences by keeping a hidden state between time steps.
            Transformers replaced recurrent neural networks in machine translation because attention captures long-range dependencies.
            The CNN family and the transformer family are both used in modern speech recognition.

            Figure 3: Accuracy of each network on the test set.

            | Model | Accuracy |
            |---|---|
            | CNN | 0.91 |

            ```python
            model = Sequential([Dense(64), Dense(10)])
            ```

            ## References

            [1] LeCun, Y., Bengio, Y., and Hinton, G. Deep learning. Nature 521 (2015), pp. 436–444.
            [2] Vaswani, A. et al. Attention is all you need. In Proceedings of NeurIPS, 2017.
            """;

    public static final String BIOGRAPHY = """
            # Ada Lovelace

            Ada Lovelace was an English mathematician and writer, chiefly known for her work on Charles Babbage's \
            proposed mechanical general-purpose computer, the Analytical Engine.
            She was born in London on 10 December 1815, the only legitimate child of the poet Lord Byron.
            Lovelace was educated privately in mathematics and science, which was unusual for a woman of her time.
            In 1833 she met Charles Babbage at a party, and the two began a long friendship and correspondence.
            Her notes on the Analytical Engine, published in 1843 in Taylor's Scientific Memoirs, include what many \
            consider the first computer program.
            Lovelace also speculated that the Analytical Engine could compose music if the relations of sounds were \
            expressed in its notation.
            She died of cancer in London in 1852, at the age of thirty-six.
            Today the Association for Computing Machinery and the British Computer Society award prizes in her name, \
            and Ada Lovelace Day is celebrated every October.
            Babbage called her "The Enchantress of Numbers" in a letter written in 1843.
            """;

    public static final String ANNOUNCEMENT = """
            # Acme releases Rocket 2.0

            Acme Corporation today announced Rocket 2.0, a new version of its open-source message broker.
            Rocket 2.0 delivers messages three times faster than Rocket 1.5 and halves the memory footprint.
            The release adds persistent queues, so messages survive a restart of the broker.
            "Our customers asked for durability without giving up speed," said Maria Gonzalez, chief technology officer at Acme Corporation.
            Rocket 2.0 runs on Linux, Windows and macOS, and is available for download from the Acme website today.
            Existing users can upgrade from Rocket 1.5 without changing their configuration.
            The company will present the persistent queues at the KubeCon Europe conference in Paris in March.
            """;

    public static final String GERMAN = """
            # Die Geschichte von Debian

            Das Debian-Projekt wurde im August 1993 von Ian Murdock gegründet.
            Debian ist eine Distribution, die ausschließlich aus freier Software besteht.
            Die erste stabile Veröffentlichung erschien im Juni 1996 unter dem Namen Buzz.
            Seitdem ist jede Veröffentlichung nach einer Figur aus dem Film Toy Story benannt.
            Die Entwickler arbeiten weltweit zusammen und kommunizieren über Mailinglisten.
            Jedes Paket wird von einem oder mehreren Entwicklern betreut.
            """;

    public static final String JAPANESE = """
            # Debian について

            Debian は自由なオペレーティングシステムです。Debian プロジェクトは 1993 年に Ian Murdock によって始められました。\
            世界中の開発者がボランティアとして参加しています。
            パッケージは専用のツールで管理されます。新しいバージョンは定期的に公開されます。\
            各リリースには映画のキャラクターの名前が付けられています。
            """;

    private Texts() {
    }

    /** The fixture with its first heading as title, as the Markdown converter would give it. */
    static CompileInput input(String markdown) {
        String title = markdown.lines().filter(l -> l.startsWith("# ")).findFirst().map(l -> l.substring(2)).orElse(null);
        return new CompileInput(title, "fixture", markdown, List.of());
    }
}
