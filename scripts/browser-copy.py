#!/usr/bin/python3
"""What a browser's copy of each page gives: document.body.innerText in headless
chromium (one browser for all pages), written beside each PAGE.html as PAGE.browser.
Usage: browser-copy.py LIST   (LIST: one .html path a line)"""
import pathlib
import sys

from selenium import webdriver
from selenium.webdriver.chrome.service import Service


def main() -> None:
    pages = [line for line in pathlib.Path(sys.argv[1]).read_text().split() if line]
    options = webdriver.ChromeOptions()
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"):
        options.add_argument(flag)
    options.binary_location = "/usr/bin/chromium"
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    try:
        for page in pages:
            driver.get(pathlib.Path(page).resolve().as_uri())
            text = driver.execute_script("return document.body.innerText")
            pathlib.Path(page[: -len(".html")] + ".browser").write_text(text, encoding="utf-8")
    finally:
        driver.quit()


if __name__ == "__main__":
    main()
