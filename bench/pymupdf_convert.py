#!/usr/bin/python3
"""The reference system's converter alone: PyMuPDF extracting the text of every page of every
PDF under the given folders, one process, sequentially. Prints seconds, files and pages."""
import os
import sys
import time

import fitz  # Debian's python3-fitz (PyMuPDF)

start = time.perf_counter()
files = pages = 0
for root in sys.argv[1:]:
    for folder, _, names in os.walk(root):
        for name in sorted(names):
            if not name.lower().endswith(".pdf"):
                continue
            try:
                with fitz.open(os.path.join(folder, name)) as doc:
                    for page in doc:
                        page.get_text()
                        pages += 1
                files += 1
            except Exception:  # broken and encrypted files fail here as they do in kb
                pass
print(f"{time.perf_counter() - start:.2f} {files} {pages}")
