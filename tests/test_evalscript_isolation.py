"""Evalscripts share V8 isolates between requests (localhub.process.evalscript._Isolate), never their state: each
script gets a fresh global scope, and an isolate a script changed beyond repair is replaced."""

from __future__ import annotations

import numpy as np
import pytest

from localhub.process import evalscript as ev
from localhub.process.errors import ProcessError
from localhub.process.evalscript import Evalscript

SETUP = "//VERSION=3\nfunction setup(){return {input:['B1'],output:{bands:1,sampleType:'FLOAT32'}}}\n"


def render(source: str, values=(1, 2, 3), time_limit_s: float = 10):
    """(output values, the isolate the script ran in)."""
    with Evalscript(source, time_limit_s=time_limit_s) as script:
        setup = script.setup()
        script.set_context({}, {})
        out = script.evaluate(setup.bands, np.array([values], np.float32), setup.outputs)
        isolate = script._isolate
    return out["default"][0].tolist(), isolate


@pytest.fixture(autouse=True)
def one_idle_isolate():
    """Start every test with exactly one idle isolate, so the next script reuses it."""
    ev._close_idle_isolates()
    render(SETUP + "function evaluatePixel(s){return [0]}")
    assert len(ev._IDLE) == 1
    yield
    ev._close_idle_isolates()


def test_same_top_level_const_in_two_scripts_back_to_back():
    first, iso1 = render(SETUP + "const factor = 2;\nfunction evaluatePixel(s){return [s.B1 * factor]}")
    second, iso2 = render(SETUP + "const factor = 10;\nfunction evaluatePixel(s){return [s.B1 * factor]}")
    assert (first, second) == ([2, 4, 6], [10, 20, 30])
    assert iso1 is iso2  # really the same isolate (else this test proves nothing)


def test_global_counters_start_from_scratch_each_run():
    script = SETUP + (
        "let calls = 0;\n"
        "hits = (typeof hits === 'undefined' ? 0 : hits) + 1;  // an implicit global\n"
        "globalThis.runs = (globalThis.runs || 0) + 1;\n"
        "var seen = typeof this.seen;\n"
        "function evaluatePixel(s){ calls++; return [calls * 1000 + hits * 100 + runs * 10 + (seen === 'undefined')] }"
    )
    first, iso1 = render(script)
    second, iso2 = render(script)
    assert first == second == [1111, 2111, 3111]
    assert iso1 is iso2


def test_a_script_never_sees_another_scripts_globals_or_hooks():
    _, iso1 = render(
        SETUP + "globalThis.secret = 42; leaked = 1; colorBlend = function(){ return [9]; };\n"
        "function updateOutputMetadata(){}\n/(hidden)/.exec('hidden text');\n"
        "function evaluatePixel(s){return [1]}"
    )
    probe = SETUP + (
        "const names = ['secret', 'leaked', 'updateOutputMetadata', '__lh_hooks', '__lh_inbuf'];\n"
        "const missing = names.every((n) => typeof globalThis[n] === 'undefined');\n"
        "function evaluatePixel(s){ return [missing * 100 + colorBlend(5, [0, 10], [[0], [1]])[0] * 10"
        " + (RegExp.$1 === '' && RegExp.input === '')]; }"
    )
    out, iso2 = render(probe)
    assert out == [106, 106, 106]
    assert iso1 is iso2


def test_an_isolate_whose_built_ins_changed_is_replaced():
    _, iso1 = render(
        SETUP + "Array.prototype.total = function(){ return 7; };\nMath.round = () => 99;\n"
        "function evaluatePixel(s){return [[].total()]}"
    )
    out, iso2 = render(SETUP + "function evaluatePixel(s){return [Math.round(1.4) + ([].total === undefined)]}")
    assert out == [2, 2, 2]
    assert iso2 is not iso1


def test_scripts_with_timers_errors_or_time_outs_do_not_give_their_isolate_back():
    _, iso = render(SETUP + "setTimeout(() => { globalThis.late = 1; }, 50);\nfunction evaluatePixel(s){return [1]}")
    assert iso not in ev._IDLE
    with pytest.raises(ProcessError, match="time limit"):
        render(SETUP + "function evaluatePixel(s){ while (true) {} }", time_limit_s=0.3)
    with pytest.raises(ProcessError, match="custom failure"):
        render(SETUP + "function evaluatePixel(s){ throw new Error('custom failure'); }")
    assert ev._IDLE == []  # none of the three came back
    assert render(SETUP + "function evaluatePixel(s){return [typeof late === 'undefined']}")[0] == [1, 1, 1]


def test_scripts_that_fail_in_the_wrapper_get_v8s_own_messages():
    cases = [
        (SETUP + "return 5;\nfunction evaluatePixel(s){return [1]}", "evalscript.js:3: SyntaxError: Illegal return"),
        (SETUP + "function evaluatePixel(s){return [1]}}", "evalscript.js:3: SyntaxError: Unexpected token '}'"),
        (SETUP + "foo.bar;\nfunction evaluatePixel(s){return [1]}", "evalscript.js:3: ReferenceError: foo is"),
    ]
    for source, start in cases:
        with pytest.raises(ProcessError) as info:
            render(source)
        assert info.value.message.startswith("Failed to evaluate script!\n" + start), info.value.message
    # an error on line 1 of a one-line script: its own text and columns, not the wrapper's
    with pytest.raises(ProcessError) as info:
        render("function setup(){return {input:['B1'],output:{bands:1}}}; function evaluatePixel(s){ throw 1 + s.B1; }")
    assert "__lh" not in info.value.message
    assert info.value.message.startswith(
        "Failed to evaluate script!\nevalscript.js:1: 2\nfunction setup(){return {input:['B1'],output:{bands:1}}};"
        " function evaluatePixel(s){ throw 1 + s.B1; }\n" + " " * 85 + "^"
    ), info.value.message
