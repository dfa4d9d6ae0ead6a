#!/usr/bin/python3
"""The reference system's converter alone, converting the way it does (OpenKB's
convert_pdf_with_images): every page read with PyMuPDF's get_text("dict"), text blocks written
as lines of Markdown, every image block of at least 32 px each way decoded into a pixmap (CMYK
made RGB) and written as a PNG file, one Markdown file per PDF. One process, files one after
another. Usage: pymupdf_convert.py OUT_DIR FOLDER...; prints seconds, files, pages, images."""
import os
import sys
import time

import fitz  # Debian's python3-fitz (PyMuPDF)

MIN_SIDE = 32


def convert(path, out_dir, stem):
    images_dir = os.path.join(out_dir, "images", stem)
    os.makedirs(images_dir, exist_ok=True)
    parts, pages, images = [], 0, 0
    with fitz.open(path) as doc:
        for number, page in enumerate(doc, start=1):
            pages += 1
            parts.append(f"\n\n<!-- Page {number} -->\n")
            for block in page.get_text("dict")["blocks"]:
                if block["type"] == 0:
                    parts.append("\n".join("".join(s["text"] for s in line["spans"]) for line in block["lines"]))
                elif block["type"] == 1:
                    if block.get("width", 0) < MIN_SIDE or block.get("height", 0) < MIN_SIDE or not block.get("image"):
                        continue
                    try:
                        pix = fitz.Pixmap(block["image"])
                        if pix.n > 4:
                            pix = fitz.Pixmap(fitz.csRGB, pix)
                        images += 1
                        name = f"p{number}_img{images}.png"
                        with open(os.path.join(images_dir, name), "wb") as f:
                            f.write(pix.tobytes("png"))
                        parts.append(f"\n![image](images/{stem}/{name})\n")
                    except Exception:  # the reference logs and goes on
                        pass
    with open(os.path.join(out_dir, stem + ".md"), "w", encoding="utf-8") as f:
        f.write("\n".join(parts))
    return pages, images


def main():
    out_dir = sys.argv[1]
    start = time.perf_counter()
    files = pages = images = 0
    for root in sys.argv[2:]:
        for folder, dirs, names in os.walk(root):
            dirs.sort()
            for name in sorted(names):
                if not name.lower().endswith(".pdf"):
                    continue
                try:
                    p, i = convert(os.path.join(folder, name), out_dir, f"{files:03d}-{name[:-4]}")
                    pages += p
                    images += i
                    files += 1
                except Exception:  # broken and encrypted files fail here as they do in kb
                    pass
    print(f"{time.perf_counter() - start:.3f} {files} {pages} {images}")


main()
