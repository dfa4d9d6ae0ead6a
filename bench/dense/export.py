# Cuts a KB's passages (catalog) into 100-word chunks and writes the dev questions, for Embed.
# Usage: python3 export.py KB_DIR/.kb/kb.db   (writes chunks.tsv, queries.tsv, meta.json here)
import sqlite3, json, re, sys, yaml
sys.path.insert(0,'/work/shared/eval/qa')
import importlib.util
spec=importlib.util.spec_from_file_location('score','/work/shared/eval/qa/score.py'); score=importlib.util.module_from_spec(spec); spec.loader.exec_module(score)
db=sys.argv[1]
c=sqlite3.connect(db)
rows=c.execute("select p.id, p.document, p.kind, p.page, p.target, p.line, t.title, t.summary, t.body from passages p join passage_text t on t.rowid=p.id").fetchall()
chunks=[]; meta={}
for pid,doc,kind,page,target,line,title,summary,body in rows:
    text=(summary+" "+body).strip()
    words=text.split()
    meta[pid]={'doc':doc,'kind':kind,'page':page,'target':target,'line':line}
    if not words: continue
    step=80; size=100
    for s in range(0,max(1,len(words)-20),step):
        chunks.append((pid," ".join(words[s:s+size])))
with open('chunks.tsv','w') as f:
    for i,(pid,t) in enumerate(chunks):
        f.write("%d\t%s\n"%(i,t.replace("\t"," ").replace("\n"," ")))
json.dump({'chunk_passage':[p for p,_ in chunks],'meta':meta},open('meta.json','w'))
key=yaml.safe_load(open('/work/shared/eval/qa/dev.yaml'))
with open('queries.tsv','w') as f:
    for i,q in enumerate(key['questions']):
        f.write("%d\t%s\n"%(2*i,score.keywords(q['question'])))
        f.write("%d\t%s\n"%(2*i+1,q['question']))
print(len(rows),"passages",len(chunks),"chunks")
