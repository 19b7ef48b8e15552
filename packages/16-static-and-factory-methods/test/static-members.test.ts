import { describe, expect, it } from 'vitest';
import { Conversions, celsiusToFahrenheit, LinearScale } from '../src/conversions.ts';
import { Model, User } from '../src/model.ts';
import { Button, Gadget, Knob, Slider, Widget } from '../src/static-state.ts';

describe('static members and inheritance', () => {
  it('a subclass constructor inherits from the parent constructor, so statics are found through it', () => {
    expect(Object.getPrototypeOf(User)).toBe(Model);
    expect(User.fromCSV).toBe(Model.fromCSV);
    expect(Object.hasOwn(User, 'fromJSON')).toBe(false);
  });

  it('statics are not on instances; instance.constructor reaches them', () => {
    const user = User.fromJSON('{"email":"a"}');
    expect((user as unknown as { fromJSON?: unknown }).fromJSON).toBeUndefined();
    expect((user.constructor as typeof User).required).toEqual(['email']);
  });

  it('this.created++ in a static method gives each subclass its own counter', () => {
    const before = Widget.created;
    Widget.make();
    Button.make();
    Button.make();
    Slider.make();
    expect(Widget.created).toBe(before + 1);
    expect(Object.hasOwn(Button, 'created')).toBe(true);
    expect(Button.created).toBe(before + 1 + 2);
    expect(Slider.created).toBe(before + 1 + 1);
    expect(Button.make()).toBeInstanceOf(Button);
  });

  it('naming the owning class counts across the hierarchy', () => {
    const before = Gadget.created;
    Gadget.make();
    const knob = Knob.make();
    Knob.make();
    expect(knob).toBeInstanceOf(Knob);
    expect(Gadget.created).toBe(before + 3);
    expect(Object.hasOwn(Knob, 'created')).toBe(false);
    expect(Knob.created).toBe(Gadget.created);
  });
});

describe('the same conversion as a module function, a static method and an instance method', () => {
  it('agree on every input', () => {
    const scale = LinearScale.celsiusToFahrenheit();
    for (const c of [-40, 0, 37, 100]) {
      const expected = celsiusToFahrenheit(c);
      expect(Conversions.celsiusToFahrenheit(c)).toBeCloseTo(expected, 12);
      expect(scale.convert(c)).toBeCloseTo(expected, 12);
    }
    expect(celsiusToFahrenheit(100)).toBe(212);
    expect(celsiusToFahrenheit(-40)).toBe(-40);
  });

  it('an instance carries the state its method needs', () => {
    const kelvinFromCelsius = new LinearScale(1, 273.15);
    expect(kelvinFromCelsius.convert(0)).toBe(273.15);
    expect([kelvinFromCelsius.factor, kelvinFromCelsius.offset]).toEqual([1, 273.15]);
  });
});

describe('instances built by inherited static factories', () => {
  it('report the class they were built from', () => {
    expect([Widget.make().kind, Button.make().kind, Knob.make().kind]).toEqual(['Widget', 'Button', 'Knob']);
  });
});
