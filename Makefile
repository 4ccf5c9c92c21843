# The two commands of the README, and a few more for developers.
# uv may live in ~/.local/bin after bootstrap: put it on PATH for every recipe.
export PATH := $(HOME)/.local/bin:$(PATH)
# Trust the system's certificate store (an office proxy's CA lives there), as pip and curl do.
export UV_SYSTEM_CERTS ?= 1
export UV_NATIVE_TLS ?= 1
DB ?= data/thidua.duckdb

.PHONY: run test setup sample lint bench bench-scale bench-viewers check-fresh

PORT ?= 8501

run: setup  ## set everything up and start the dashboard (on an empty database: the bundled sample)
	uv run thidua serve --db $(DB) --port $(PORT)

test:  ## set everything up (uv, environment, Debian chromium) and run the whole test suite
	bash scripts/bootstrap.sh --browser
	uv run ruff check .
	uv run pytest

setup:
	bash scripts/bootstrap.sh

sample: setup  ## regenerate the bundled sample workbook and the blank template
	uv run thidua sample --out data/sample/thidua_mau.xlsx
	uv run thidua template --out data/template/mau_nhap_lieu_thidua.xlsx

lint:
	uv run ruff check .

check-fresh:  ## the two commands on a fresh machine (clone of HEAD, empty HOME; minutes)
	bash scripts/check_fresh_machine.sh

bench: setup  ## load speed (sample, ~1M-row CSV) and dashboard re-render times
	uv run python benchmarks/bench_load.py
	uv run python benchmarks/bench_app.py
	uv run python benchmarks/bench_reports.py

bench-scale: setup  ## office, province, national: generate, load, page queries and renders, summary vs pandas (~30 min)
	uv run python -m benchmarks.scale --scales $(or $(SCALES),office,province,national)

bench-viewers: setup  ## 5, 10, 20 signed-in browsers through nginx while imports land (~20 min)
	uv run python benchmarks/load_viewers.py --viewers 5,10,20
