"""The Examples sections of the docstrings are true (each module's examples run as a test)."""
import doctest
import importlib
import pkgutil

import pytest

import healthgraph

MODULES = sorted(m.name for m in pkgutil.walk_packages(healthgraph.__path__, "healthgraph.")
                 if not m.name.endswith("__main__"))


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name):
    module = importlib.import_module(name)
    finder = doctest.DocTestFinder()
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    for test in finder.find(module, name, module=module):
        runner.run(test)
    result = runner.summarize(verbose=False)
    assert result.failed == 0, f"{result.failed} failing example(s) in {name}"
