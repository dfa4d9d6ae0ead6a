package dev.kbtool.language;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Singular of an English noun, by rule and exception list. Deterministic on purpose: the
 * result becomes a page slug that every document must reproduce, whatever its context.
 */
public final class EnglishNouns {
    /** Words that end like plurals but are not, or whose plural is the same. */
    private static final Set<String> INVARIANT = Set.of(
            "news", "series", "species", "means", "headquarters", "crossroads", "barracks", "gallows", "innings", "odds",
            "thanks", "earnings", "savings", "outskirts", "whereabouts", "kudos", "chaos", "cosmos", "ethos", "pathos",
            "logos", "lens", "bias", "gas", "atlas", "alias", "canvas", "pancreas", "christmas", "data", "media", "goods",
            "clothes", "scissors", "trousers", "jeans", "pants", "glasses", "diabetes", "measles", "mumps", "rabies", "herpes",
            "billiards", "checkers", "darts", "physics", "mathematics", "economics", "statistics", "politics", "ethics",
            "linguistics", "genetics", "electronics", "robotics", "graphics", "analytics", "logistics", "athletics",
            "informatics", "bioinformatics", "semantics", "pragmatics", "phonetics", "dynamics", "thermodynamics",
            "aerodynamics", "mechanics", "optics", "acoustics", "kinematics", "aesthetics", "gymnastics", "ergonomics",
            "cybernetics", "metaphysics", "astrophysics", "geophysics", "biophysics",
            "devops", "mlops", "gitops", "kubernetes", "aws", "always", "perhaps", "whereas", "sometimes", "overseas",
            "analysis", "its", "this", "thus", "plus", "minus", "yes", "was", "has", "does", "is", "us");
    private static final Map<String, String> IRREGULAR = Map.ofEntries(
            Map.entry("men", "man"), Map.entry("women", "woman"), Map.entry("children", "child"), Map.entry("feet", "foot"),
            Map.entry("teeth", "tooth"), Map.entry("geese", "goose"), Map.entry("mice", "mouse"), Map.entry("lice", "louse"),
            Map.entry("oxen", "ox"), Map.entry("people", "people"), Map.entry("dice", "dice"),
            Map.entry("criteria", "criterion"), Map.entry("phenomena", "phenomenon"), Map.entry("automata", "automaton"),
            Map.entry("polyhedra", "polyhedron"), Map.entry("corpora", "corpus"), Map.entry("genera", "genus"),
            Map.entry("opera", "opera"), Map.entry("matrices", "matrix"), Map.entry("indices", "index"),
            Map.entry("vertices", "vertex"), Map.entry("apices", "apex"), Map.entry("appendices", "appendix"),
            Map.entry("cortices", "cortex"), Map.entry("vortices", "vortex"), Map.entry("simplices", "simplex"),
            Map.entry("codices", "codex"), Map.entry("helices", "helix"), Map.entry("radices", "radix"),
            Map.entry("nuclei", "nucleus"), Map.entry("radii", "radius"), Map.entry("stimuli", "stimulus"),
            Map.entry("fungi", "fungus"), Map.entry("cacti", "cactus"), Map.entry("alumni", "alumnus"), Map.entry("loci", "locus"),
            Map.entry("foci", "focus"), Map.entry("syllabi", "syllabus"), Map.entry("bacilli", "bacillus"),
            Map.entry("termini", "terminus"), Map.entry("curricula", "curriculum"), Map.entry("memoranda", "memorandum"),
            Map.entry("strata", "stratum"), Map.entry("optima", "optimum"), Map.entry("maxima", "maximum"),
            Map.entry("minima", "minimum"), Map.entry("extrema", "extremum"), Map.entry("quanta", "quantum"),
            Map.entry("spectra", "spectrum"), Map.entry("addenda", "addendum"), Map.entry("errata", "erratum"),
            Map.entry("bacteria", "bacterium"), Map.entry("consortia", "consortium"), Map.entry("symposia", "symposium"),
            Map.entry("millennia", "millennium"), Map.entry("equilibria", "equilibrium"), Map.entry("momenta", "momentum"),
            Map.entry("continua", "continuum"), Map.entry("schemata", "schema"), Map.entry("lemmata", "lemma"),
            Map.entry("stigmata", "stigma"), Map.entry("analyses", "analysis"), Map.entry("axes", "axis"),
            Map.entry("bases", "base"), Map.entry("crises", "crisis"), Map.entry("diagnoses", "diagnosis"),
            Map.entry("prognoses", "prognosis"), Map.entry("ellipses", "ellipsis"), Map.entry("oases", "oasis"),
            Map.entry("synopses", "synopsis"), Map.entry("neuroses", "neurosis"), Map.entry("psychoses", "psychosis"),
            Map.entry("metamorphoses", "metamorphosis"), Map.entry("leaves", "leaf"), Map.entry("wolves", "wolf"),
            Map.entry("halves", "half"), Map.entry("knives", "knife"), Map.entry("lives", "life"), Map.entry("wives", "wife"),
            Map.entry("shelves", "shelf"), Map.entry("selves", "self"), Map.entry("thieves", "thief"),
            Map.entry("loaves", "loaf"), Map.entry("calves", "calf"), Map.entry("elves", "elf"), Map.entry("scarves", "scarf"),
            Map.entry("wharves", "wharf"), Map.entry("hooves", "hoof"), Map.entry("heroes", "hero"),
            Map.entry("potatoes", "potato"), Map.entry("tomatoes", "tomato"), Map.entry("echoes", "echo"),
            Map.entry("vetoes", "veto"), Map.entry("torpedoes", "torpedo"), Map.entry("volcanoes", "volcano"),
            Map.entry("mosquitoes", "mosquito"), Map.entry("dominoes", "domino"), Map.entry("embargoes", "embargo"),
            Map.entry("quizzes", "quiz"), Map.entry("buses", "bus"), Map.entry("gases", "gas"), Map.entry("aliases", "alias"),
            Map.entry("biases", "bias"), Map.entry("atlases", "atlas"), Map.entry("canvases", "canvas"),
            Map.entry("lenses", "lens"), Map.entry("caches", "cache"), Map.entry("niches", "niche"),
            Map.entry("headaches", "headache"), Map.entry("aches", "ache"), Map.entry("cliches", "cliche"),
            Map.entry("avalanches", "avalanche"), Map.entry("moustaches", "moustache"), Map.entry("mustaches", "mustache"),
            Map.entry("psyches", "psyche"), Map.entry("quiches", "quiche"), Map.entry("movies", "movie"),
            Map.entry("cookies", "cookie"), Map.entry("calories", "calorie"), Map.entry("zombies", "zombie"),
            Map.entry("rookies", "rookie"), Map.entry("hippies", "hippie"), Map.entry("goalies", "goalie"),
            Map.entry("brownies", "brownie"), Map.entry("smoothies", "smoothie"), Map.entry("selfies", "selfie"),
            Map.entry("hoodies", "hoodie"), Map.entry("genies", "genie"), Map.entry("prairies", "prairie"),
            Map.entry("sorties", "sortie"), Map.entry("newbies", "newbie"), Map.entry("freebies", "freebie"),
            Map.entry("goodies", "goodie"), Map.entry("indies", "indie"), Map.entry("neckties", "necktie"),
            Map.entry("cheeses", "cheese"), Map.entry("formulae", "formula"), Map.entry("antennae", "antenna"),
            Map.entry("larvae", "larva"), Map.entry("vertebrae", "vertebra"), Map.entry("nebulae", "nebula"),
            Map.entry("algae", "alga"));
    /** Singulars in -us whose plural is -uses; others in -uses come from -use ("causes"). */
    private static final Set<String> US_SINGULARS = Set.of(
            "bus", "virus", "status", "bonus", "campus", "census", "consensus", "focus", "surplus", "chorus", "sinus",
            "apparatus", "prospectus", "syllabus", "cactus", "circus", "genius", "octopus", "walrus", "abacus", "nexus",
            "radius", "corpus", "stimulus", "thesaurus", "hiatus", "impetus", "onus", "fetus", "lotus", "fungus",
            "rhombus", "terminus", "uterus", "exodus", "platypus", "hippopotamus", "stylus", "papyrus");
    /** Men/women compounds; "specimen", "abdomen" or "regimen" are singular. */
    private static final Set<String> MEN_WORDS = Set.of("chairmen", "firemen", "policemen", "fishermen", "spokesmen",
            "businessmen", "gentlemen", "sportsmen", "workmen", "freshmen", "salesmen", "craftsmen", "congressmen",
            "countrymen", "horsemen", "noblemen", "foremen", "linemen", "servicemen", "committeemen", "clergymen");

    private EnglishNouns() {
    }

    /**
     * The singular of one word as written. Acronym plurals lose their s ("GPUs" -> "GPU");
     * other words with capitals after the first letter ("iOS", "SaaS") are names and stay.
     */
    public static String singular(String word) {
        if (word.length() > 2 && word.endsWith("s") && allUpper(word.substring(0, word.length() - 1))) {
            return word.substring(0, word.length() - 1);
        }
        if (hasInnerCapital(word)) {
            return word;
        }
        String lower = word.toLowerCase(Locale.ROOT);
        String singular = singularLower(lower);
        if (singular.equals(lower)) {
            return word;
        }
        // Keep the first letter's case: "Policies" -> "Policy".
        return Character.isUpperCase(word.charAt(0)) ? Character.toUpperCase(singular.charAt(0)) + singular.substring(1) : singular;
    }

    private static String singularLower(String w) {
        String irregular = IRREGULAR.get(w);
        if (irregular != null) {
            return irregular;
        }
        if (w.length() <= 3 || INVARIANT.contains(w) || !w.endsWith("s") && !w.endsWith("men")) {
            return w;
        }
        if (w.endsWith("men")) {
            return MEN_WORDS.contains(w) ? w.substring(0, w.length() - 3) + "man" : w;
        }
        if (w.endsWith("ss") || w.endsWith("is") || w.endsWith("us")) {
            return w;
        }
        if (w.endsWith("ies")) {
            return w.length() <= 4 ? w.substring(0, w.length() - 1) : w.substring(0, w.length() - 3) + "y";
        }
        if (w.endsWith("uses")) {
            String stem = w.substring(0, w.length() - 2);
            return US_SINGULARS.contains(stem) ? stem : w.substring(0, w.length() - 1);
        }
        if (w.endsWith("yses")) {
            return w.substring(0, w.length() - 4) + "ysis";
        }
        if (w.endsWith("eses") && !w.endsWith("eeses")) {
            return w.substring(0, w.length() - 4) + "esis";
        }
        if (w.endsWith("sses") || w.endsWith("shes") || w.endsWith("ches") || w.endsWith("xes") || w.endsWith("zzes")) {
            return w.substring(0, w.length() - 2);
        }
        return w.substring(0, w.length() - 1);
    }

    private static boolean allUpper(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (!Character.isUpperCase(s.charAt(i))) {
                return false;
            }
        }
        return s.length() >= 2;
    }

    private static boolean hasInnerCapital(String s) {
        for (int i = 1; i < s.length(); i++) {
            if (Character.isUpperCase(s.charAt(i))) {
                return true;
            }
        }
        return false;
    }
}
