# The two commands of the README, and a few more for developers.
# uv may live in ~/.local/bin after bootstrap: put it on PATH for every recipe.
export PATH := $(HOME)/.local/bin:$(PATH)
DB ?= data/thidua.duckdb

.PHONY: run test setup sample lint bench

run: setup  ## set everything up and load the bundled sample, then show its summary
	uv run thidua load data/sample/thidua_mau.xlsx --db $(DB)
	uv run thidua summary --db $(DB)

test:  ## set everything up and run the whole test suite
	bash scripts/bootstrap.sh
	uv run ruff check .
	uv run pytest

setup:
	bash scripts/bootstrap.sh

sample: setup  ## regenerate the bundled sample workbook and the blank template
	uv run thidua sample --out data/sample/thidua_mau.xlsx
	uv run thidua template --out data/template/mau_nhap_lieu_thidua.xlsx

lint:
	uv run ruff check .

bench: setup  ## load speed on the sample and on a 1-million-row evaluations CSV
	uv run python benchmarks/bench_load.py
