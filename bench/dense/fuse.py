# Recall of kb search, dense retrieval and their reciprocal rank fusion on the dev questions.
# Usage (in the folder holding export.py's and Embed's output): python3 fuse.py KB_DIR kw|q
import json, struct, subprocess, sys, yaml, numpy as np, importlib.util, os
spec=importlib.util.spec_from_file_location('score','/work/shared/eval/qa/score.py'); score=importlib.util.module_from_spec(spec); spec.loader.exec_module(score)
def load(fn):
    data=open(fn,'rb').read(); n=len(data)//(4+384*4); ids=[]; vecs=np.zeros((n,384),dtype=np.float32)
    for i in range(n):
        off=i*(4+384*4); ids.append(struct.unpack('>i',data[off:off+4])[0]); vecs[i]=np.frombuffer(data[off+4:off+4+384*4],dtype='>f4')
    return ids,vecs
m=json.load(open('meta.json')); cp=m['chunk_passage']; meta={int(k):v for k,v in m['meta'].items()}
cid,cv=load('chunks.bin'); qid,qv=load('queries.bin')
key=yaml.safe_load(open('/work/shared/eval/qa/dev.yaml'))
kb=sys.argv[1]; mode=sys.argv[2]  # kw or q
KB_LAUNCHER=os.path.join(os.path.dirname(os.path.abspath(__file__)),'..','..','kb')
docmap=score.DocMap([KB_LAUNCHER],kb,{e['file'] for q in key['questions'] for e in q.get('evidence') or []}|set(os.listdir('/work/shared/eval/wiki-gold/docs/dev')))
passfile={pid:docmap.file_of(v['doc']) if v['doc'] else None for pid,v in meta.items()}
bykey={}
for pid,v in meta.items(): bykey[(v['target'],v['page'],v['line'])]=pid
def spread(lst,cap=3):
    first=[];later=[];seen={}
    for p in lst:
        d=meta[p]['doc']
        if d is not None:
            seen[d]=seen.get(d,0)+1
            if seen[d]>cap: later.append(p); continue
        first.append(p)
    return first+later
res={'bm25':[],'dense':[],'rrf':[]}
for i,q in enumerate(key['questions']):
    if q['kind']=='unanswerable': continue
    kw=score.keywords(q['question'])
    out=subprocess.run([KB_LAUNCHER,'--kb',kb,'search',kw,'--json','-n','100'],capture_output=True,text=True).stdout
    bm=[]
    for l in out.splitlines():
        o=json.loads(l)
        if 'target' not in o: continue  # the closing summary line
        bm.append(bykey[(o['target'],o['page'] or 0,o['line'] or 0)])
    qi=2*i if mode=='kw' else 2*i+1
    sims=cv@qv[qid.index(qi)]
    best={}
    for c,s in zip(cid,sims):
        p=cp[c]; best[p]=max(best.get(p,-1),s)
    dense=sorted(best,key=lambda p:-best[p])
    rb={p:r for r,p in enumerate(bm)}; rd={p:r for r,p in enumerate(dense)}
    allp=set(rb)|set(rd)
    rrf=sorted(allp,key=lambda p:-(1/(60+rb.get(p,1000))+1/(60+rd.get(p,1000))))
    for name,lst in (('bm25',bm),('dense',spread(dense)),('rrf',spread(rrf))):
        hit=None
        for r,p in enumerate(lst[:10],1):
            f=passfile[p]
            if f is None: continue
            ok,pok=score.matches(f,meta[p]['page'] or None,q['evidence'])
            if ok and pok: hit=r;break
        res[name].append((q['id'],hit))
for name,l in res.items():
    print(name,"R@5=%d/%d"%(sum(1 for _,h in l if h and h<=5),len(l)),"R@10=%d"%sum(1 for _,h in l if h)," ".join("%s:%s"%(a[4:],h or '-') for a,h in l))
