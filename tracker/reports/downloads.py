"""Files the user saves: a response that names the file, whether it was made in memory or
written to a temporary file that is sent as it is read."""

from __future__ import annotations

from collections.abc import Iterator
from typing import IO

from werkzeug.wrappers import Response

CHUNK_SIZE = 64 * 1024


def attachment(content: bytes | IO[bytes], name: str, media_type: str) -> Response:
    """`content` to be saved as `name`. A file is sent from its start in chunks, so that it
    is never read whole into memory, and closed once sent (or once the client is gone)."""
    headers = {"Content-Disposition": f'attachment; filename="{name}"'}
    if isinstance(content, bytes):
        return Response(content, mimetype=media_type, headers=headers)
    size = content.seek(0, 2)
    content.seek(0)
    headers["Content-Length"] = str(size)
    return Response(_chunks(content), mimetype=media_type, headers=headers)


def _chunks(file: IO[bytes]) -> Iterator[bytes]:
    with file:
        while chunk := file.read(CHUNK_SIZE):
            yield chunk
