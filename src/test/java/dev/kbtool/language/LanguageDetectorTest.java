package dev.kbtool.language;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LanguageDetectorTest {
    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', textBlock = """
            The project was founded in 1993 and it has grown since then into one of the largest. | ENGLISH
            Das Projekt wurde 1993 gegründet und ist seitdem zu einem der größten gewachsen.   | GERMAN
            El proyecto fue fundado en 1993 y desde entonces ha crecido hasta ser uno de los más grandes. | SPANISH
            Le projet a été fondé en 1993 et il est devenu depuis l'un des plus grands.      | FRENCH
            Il progetto è stato fondato nel 1993 e da allora è diventato uno dei più grandi. | ITALIAN
            Projektas buvo įkurtas 1993 metais ir nuo tada jis yra vienas didžiausių.         | LITHUANIAN
            Проект был основан в 1993 году и с тех пор стал одним из крупнейших.             | CYRILLIC
            Το έργο ιδρύθηκε το 1993 και από τότε έχει γίνει ένα από τα μεγαλύτερα.          | GREEK
            تأسس المشروع في عام 1993 وأصبح منذ ذلك الحين واحدا من أكبر المشاريع.              | ARABIC
            परियोजना की स्थापना 1993 में हुई थी और तब से यह सबसे बड़ी परियोजनाओं में से एक है। | DEVANAGARI
            โครงการนี้ก่อตั้งขึ้นในปี 1993 และเติบโตขึ้นเป็นหนึ่งในโครงการที่ใหญ่ที่สุด          | THAI
            该项目成立于1993年，此后发展成为最大的项目之一。                                     | CHINESE
            Debian プロジェクトは 1993 年に始められました。                                    | JAPANESE
            이 프로젝트는 1993년에 설립되었으며 그 이후로 가장 큰 프로젝트 중 하나가 되었습니다. | KOREAN
            xq zv wk pl                                                                      | LATIN_OTHER
            1234 5678                                                                        | UNKNOWN
            """)
    void detectsTheScriptAndForLatinTheLanguage(String text, Language language) {
        assertThat(LanguageDetector.detect(text)).isEqualTo(language);
    }
}
