"""Where the Stanza models come from: argument, environment, the shared checkout, then Stanza's own directory."""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from .errors import ModelsNotFoundError

__all__ = ["ModelSource", "resolve_models", "STANZA_PROCESSORS"]

STANZA_PROCESSORS = ("tokenize", "mwt", "pos", "lemma", "depparse")
ENV_VAR = "ATTRIBUTION_MODELS"
SHARED_MODELS = Path(__file__).resolve().parents[2] / "shared" / "models" / "stanza"


@dataclass(frozen=True)
class ModelSource:
    """A Stanza resources directory holding English models, and how it was found."""

    directory: Path
    origin: str

    @property
    def fingerprint(self) -> str:
        """A short hash of the English model files (names and sizes): the same models give the same value."""
        import hashlib

        digest = hashlib.sha256()
        for path in sorted((self.directory / "en").glob("*/*.pt")):
            digest.update(f"{path.parent.name}/{path.name}:{path.stat().st_size}\n".encode())
        return digest.hexdigest()[:12]


def has_english_models(directory: Path) -> bool:
    """True when ``directory`` is a Stanza resources directory with the processors we need."""
    english = directory / "en"
    needed = ("tokenize", "pos", "lemma", "depparse")
    return (directory / "resources.json").is_file() and all(
        any((english / name).glob("*.pt")) for name in needed
    )


def stanza_default_dir() -> Path:
    from stanza.resources.common import DEFAULT_MODEL_DIR

    return Path(os.environ.get("STANZA_RESOURCES_DIR") or DEFAULT_MODEL_DIR)


def resolve_models(explicit: str | os.PathLike[str] | None = None, *, allow_download: bool = True) -> ModelSource:
    """Find English Stanza models, in the documented order, or raise one clear error."""
    searched: list[str] = []
    if explicit is not None:
        path = Path(explicit).expanduser()
        if has_english_models(path):
            return ModelSource(path, "argument")
        raise ModelsNotFoundError([f"{path} (given explicitly)"])
    candidates = []
    if os.environ.get(ENV_VAR):
        candidates.append((Path(os.environ[ENV_VAR]).expanduser(), f"${ENV_VAR}"))
    candidates.append((SHARED_MODELS, "shared checkout"))
    candidates.append((stanza_default_dir(), "Stanza resources directory"))
    for path, origin in candidates:
        if has_english_models(path):
            return ModelSource(path, origin)
        searched.append(f"{path} ({origin})")
    if allow_download:
        target = stanza_default_dir()
        try:
            import stanza

            stanza.download("en", model_dir=str(target), processors=",".join(STANZA_PROCESSORS), logging_level="ERROR")
        except Exception:  # noqa: BLE001 - any download failure means "not found" to the user
            searched.append("Stanza download (failed: no network?)")
        else:
            if has_english_models(target):
                return ModelSource(target, "Stanza download")
    raise ModelsNotFoundError(searched)
