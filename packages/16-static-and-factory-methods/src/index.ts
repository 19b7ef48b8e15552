export { Conversions, celsiusToFahrenheit, LinearScale } from './conversions.ts';
export { type Fields, Model, type ModelClass, Product, User } from './model.ts';
export { Button, Gadget, Knob, Slider, Widget } from './static-state.ts';
export { Temperature } from './temperature.ts';
