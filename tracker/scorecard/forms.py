"""The admin's form for the scorecard weights."""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from flask_wtf import FlaskForm
from wtforms import Field
from wtforms.validators import InputRequired
from wtforms.widgets import TextInput

from tracker.domain.scorecard import ScoreWeights, format_points

MAX_POINTS = 1000.0


class PointsField(Field):
    """A non-negative number written the Vietnamese way ("0,5") or with a dot ("0.5")."""

    widget = TextInput()

    def process_formdata(self, valuelist: list[Any]) -> None:
        if not valuelist:
            return
        text = str(valuelist[0]).strip().replace(",", ".")
        try:
            number = float(text)
        except ValueError:
            raise ValueError("Vui lòng nhập một số, ví dụ: 1 hoặc 0,5.") from None
        if not 0 <= number <= MAX_POINTS:
            raise ValueError(f"Nhập một số không âm, không quá {format_points(MAX_POINTS)}.")
        self.data = number

    def _value(self) -> str:
        if self.raw_data:  # as typed, to correct it
            return str(self.raw_data[0])
        return format_points(self.data) if isinstance(self.data, float) else ""


_REQUIRED = InputRequired("Vui lòng nhập một số, ví dụ: 1 hoặc 0,5.")


class ScoreWeightsForm(FlaskForm):
    on_time = PointsField(
        "Điểm cộng cho mỗi nhiệm vụ hoàn thành đúng hạn (kể cả trước hạn)", validators=[_REQUIRED]
    )
    late = PointsField("Điểm trừ cho mỗi nhiệm vụ hoàn thành trễ hạn", validators=[_REQUIRED])
    overdue = PointsField(
        "Điểm trừ cho mỗi nhiệm vụ quá hạn chưa hoàn thành", validators=[_REQUIRED]
    )

    @classmethod
    def for_weights(cls, weights: ScoreWeights) -> ScoreWeightsForm:
        return cls(data=asdict(weights))

    def weights(self) -> ScoreWeights:
        return ScoreWeights(
            on_time=float(self.on_time.data),
            late=float(self.late.data),
            overdue=float(self.overdue.data),
        )
